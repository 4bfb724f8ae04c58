package dev.mapbench.ab.bisect;

import dev.mapbench.ab.Processes;
import dev.mapbench.ab.SideBuild;
import dev.mapbench.results.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commits a bisection walks: the good end, then the first-parent commits after it up to and including
 * the bad end, oldest first (the commits a merge brought in are judged with their merge, as the nightly saw
 * them).
 *
 * @param good the good end
 * @param commits the first-parent commits after good, the last one the bad end
 */
public record CommitRange(Commit good, List<Commit> commits) {

    /** Copies the list. */
    public CommitRange {
        commits = List.copyOf(commits);
    }

    /** The bad end. */
    public Commit bad() {
        return commits.get(commits.size() - 1);
    }

    /** Every commit, good first: index 0 is good, the last index bad. */
    public List<Commit> all() {
        List<Commit> all = new ArrayList<>();
        all.add(good);
        all.addAll(commits);
        return all;
    }

    /**
     * Resolves both refs and lists the range; bad input when a ref names no commit, when good is not an
     * ancestor of bad, or when they are the same commit.
     */
    public static CommitRange of(Path repository, String goodRef, String badRef) throws IOException, BadInputException {
        String good = SideBuild.resolve(repository, goodRef);
        String bad = SideBuild.resolve(repository, badRef);
        if (good.equals(bad)) {
            throw new BadInputException(Path.of(badRef), "is the same commit as " + goodRef + ": nothing to bisect");
        }
        if (git(repository, "merge-base", "--is-ancestor", good, bad).exit() != 0) {
            throw new BadInputException(Path.of(goodRef), "is not an ancestor of " + badRef
                    + ": a bisection needs the good commit before the bad one");
        }
        Processes.Result list = git(repository, "rev-list", "--first-parent", "--reverse", good + ".." + bad);
        if (list.exit() != 0 || list.output().isBlank()) {
            throw new BadInputException(Path.of(badRef), "no first-parent commits after " + goodRef + ": "
                    + list.output());
        }
        List<Commit> commits = new ArrayList<>();
        for (String hash : list.output().lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            commits.add(describe(repository, hash, true));
        }
        if (!commits.get(commits.size() - 1).hash().equals(bad)) {
            throw new BadInputException(Path.of(badRef), "is not on its own first-parent history (git rev-list)");
        }
        return new CommitRange(describe(repository, good, false), commits);
    }

    private static Commit describe(Path repository, String hash, boolean withFiles) throws IOException {
        String subject = git(repository, "log", "-1", "--format=%s", hash).output();
        List<String> files = withFiles ? git(repository, "diff", "--name-only", hash + "^1", hash).output().lines()
                .filter(line -> !line.isBlank()).toList() : List.of();
        return new Commit(hash, subject, files);
    }

    private static Processes.Result git(Path repository, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        return Processes.run(repository, 60, command);
    }
}
