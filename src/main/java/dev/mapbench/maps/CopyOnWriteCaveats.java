package dev.mapbench.maps;

/** What the copy-on-write strategies' write loops do not promise: they retry their compareAndSet, running the functions again. */
final class CopyOnWriteCaveats {

    private CopyOnWriteCaveats() {
    }

    static String of(MapOperation operation) {
        return switch (operation) {
            case COMPUTE_IF_ABSENT -> "atomic (one compareAndSet publishes the value); two threads missing the same key "
                    + "may each run the mapping function, and only one result is stored";
            case MERGE -> "atomic (one compareAndSet publishes the sum); the remapping function runs again after "
                    + "every compareAndSet another writer won";
            default -> null;
        };
    }
}
