package org.example;

/** Hostile example: a map that cannot be built here; its constructor throws. */
public final class LicensedMap<K, V> extends LockedMap<K, V> {

    public LicensedMap() {
        throw new IllegalStateException("needs a license key (set ORG_EXAMPLE_LICENSE)");
    }
}
