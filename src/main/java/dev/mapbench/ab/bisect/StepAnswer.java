package dev.mapbench.ab.bisect;

/** What one bisection step says about its midpoint, for one cell or for the step as a whole. */
public enum StepAnswer {
    /** The midpoint does not carry the regression. */
    SAME_AS_GOOD("same as good"),
    /** The midpoint carries the regression. */
    SAME_AS_BAD("same as bad"),
    /** Neither was shown: more forks, or at the cap the step is undecided. */
    UNKNOWN("unknown");

    private final String words;

    StepAnswer(String words) {
        this.words = words;
    }

    /** How outputs say it. */
    public String words() {
        return words;
    }
}
