package dev.mapbench.workload;

import java.util.Locale;

/**
 * The key objects of a workload's key ids, made before timing.
 *
 * <p>{@code Long} key {@code i} is {@code i * 7919}, spread over the hash table as the grid's keys are. String
 * key {@code i} is {@code user:} and {@code i} in seven digits ({@code user:0001234}, 12 characters, as a
 * request's user or session id): {@link KeyType#STRING} holds one instance per key (its hash computed once,
 * then cached in the String); {@link KeyType#STRING_BUILT} keeps every key's characters in one prepared
 * {@code char[]}, and the timed path builds a new String from it for each operation, paying the copy, the hash
 * and {@code equals} as a key parsed from a request does.
 */
public final class KeySpace {

    /** Characters of a String key. */
    public static final int STRING_LENGTH = 12;
    private static final String PREFIX = "user:";

    private final KeyType type;
    private final char[] characters;

    private KeySpace(KeyType type, char[] characters) {
        this.type = type;
        this.characters = characters;
    }

    /** The key space of ids {@code 0 .. count - 1}. */
    public static KeySpace of(KeyType type, int count) {
        char[] characters = new char[type == KeyType.STRING_BUILT ? count * STRING_LENGTH : 0];
        if (type == KeyType.STRING_BUILT) {
            for (int id = 0; id < count; id++) {
                text(id).getChars(0, STRING_LENGTH, characters, id * STRING_LENGTH);
            }
        }
        return new KeySpace(type, characters);
    }

    /** The text of String key {@code id}. */
    public static String text(int id) {
        if (id < 0 || id > 9_999_999) {
            throw new IllegalArgumentException("a String key id has at most seven digits: " + id);
        }
        return PREFIX + String.format(Locale.ROOT, "%07d", id);
    }

    /** The key object of {@code id}: a Long, or a String (for built keys, one built now, as the fill uses). */
    public Object key(int id) {
        return type == KeyType.LONG ? Long.valueOf(id * 7919L) : text(id);
    }

    /** Where key {@code id}'s characters start in {@link #characters()} (built String keys). */
    public int offset(int id) {
        return id * STRING_LENGTH;
    }

    /** The prepared characters of every key (built String keys; empty otherwise). */
    public char[] characters() {
        return characters;
    }

    public KeyType type() {
        return type;
    }
}
