package dev.mapbench.results;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates the JSON fixtures under src/test/resources/fixtures (see the README there). */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture at {@code fixtures/<relative>}, e.g. {@code foreign/strings-jmh1.37.json}. */
    public static Path fixture(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + relative, e);
        }
    }
}
