package dev.mapbench.report.html;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one loader of the HTML pages' resources ({@code report-templates/}: templates, partials, the
 * stylesheet and the script) for the report page, the comparison page and the A/B page. Every template
 * is compiled the same way: HTML escaping on, so every benchmark name and param value reaches a page as
 * text; a missing value renders empty; {@code {{> name}}} loads {@code name.mustache} the same way.
 */
public final class Templates {

    /** The system property naming a folder to read templates from when they are not on the class path. */
    static final String FOLDER_PROPERTY = "mapbench.templates";
    /** The class path folder the build copies {@code report-templates/} into. */
    static final String CLASS_PATH_FOLDER = "/report-templates/";

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(true).defaultValue("")
            .withLoader(name -> new StringReader(resource(name + ".mustache")));

    private Templates() {
    }

    /** The compiled template {@code name} (e.g. {@code index.mustache}). */
    public static Template compile(String name) {
        return COMPILER.compile(resource(name));
    }

    /**
     * The text of the resource {@code name}: from the class path (the build copies the folder there), else
     * from the folder named by {@value #FOLDER_PROPERTY} (default {@code report-templates}, as scripts pass it).
     */
    public static String resource(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(CLASS_PATH_FOLDER + name)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path folder = Path.of(System.getProperty(FOLDER_PROPERTY, "report-templates"));
            return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }
}
