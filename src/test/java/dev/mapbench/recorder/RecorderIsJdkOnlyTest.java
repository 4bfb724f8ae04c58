package dev.mapbench.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The recorder is worn by services that do not take the suite: its sources import only {@code java.*} and its own
 * package, and its compiled classes refer to no other class (read from their constant pools).
 */
class RecorderIsJdkOnlyTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/mapbench/recorder");
    private static final Path CLASSES = Path.of("target/classes/dev/mapbench/recorder");
    private static final Pattern REFERENCE = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+);");

    @Test
    void recorderSourcesImportOnlyTheJdkAndThemselves() throws IOException {
        List<String> foreign = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(SOURCES)) {
            files = listed.filter(file -> file.toString().endsWith(".java")).toList();
        }
        assertFalse(files.isEmpty());
        Pattern qualified = Pattern.compile("\\b(?:dev\\.mapbench\\.(?!recorder\\b)\\w+|org\\.\\w+|com\\.\\w+|javax\\.\\w+"
                + "|jdk\\.\\w+|sun\\.\\w+)");
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String code = line.strip();
                if (code.startsWith("import ") && !(code.startsWith("import java.") || code.startsWith("import static java.")
                        || code.startsWith("import dev.mapbench.recorder."))) {
                    foreign.add(file.getFileName() + ": " + code);
                }
                if (!code.startsWith("*") && !code.startsWith("/") && qualified.matcher(code).find()) {
                    foreign.add(file.getFileName() + ": " + code);
                }
            }
        }
        assertEquals(List.of(), foreign);
    }

    @Test
    void recorderClassesReferToNoClassOutsideTheJdk() throws IOException {
        TreeSet<String> foreign = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(CLASSES)) {
            files = listed.filter(file -> file.toString().endsWith(".class")).toList();
        }
        assertFalse(files.isEmpty(), "compile first: " + CLASSES);
        for (Path file : files) {
            for (String name : referencedClasses(file)) {
                if (!name.startsWith("java/") && !name.startsWith("dev/mapbench/recorder/")) {
                    foreign.add(file.getFileName() + " -> " + name);
                }
            }
        }
        assertEquals(new TreeSet<>(), foreign);
    }

    /** Every class a class file names: its Class constants and the types in its descriptors and signatures. */
    static List<String> referencedClasses(Path classFile) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream stream = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(stream)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndexes.add(in.readUnsignedShort());
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException(classFile + ": constant tag " + tag);
                }
            }
            for (int index : classIndexes) {
                String name = utf8[index];
                names.add(name.startsWith("[") ? name.replaceAll("^\\[+L?|;$", "") : name);
            }
            for (String text : utf8) {
                if (text != null) {
                    Matcher matcher = REFERENCE.matcher(text);
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        names.removeIf(name -> name.length() == 1); // primitive array element types
        return names;
    }
}
