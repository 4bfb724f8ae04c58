package dev.mapbench.ab.bisect;

import java.util.List;

/**
 * One commit of a bisection's range.
 *
 * @param hash the full commit id
 * @param subject the first line of its message
 * @param changedFiles the files it changed against its first parent
 */
public record Commit(String hash, String subject, List<String> changedFiles) {

    /** Copies the list. */
    public Commit {
        changedFiles = List.copyOf(changedFiles);
    }

    /** The first 12 characters of the hash: how tables name the commit. */
    public String shortHash() {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
