package org.hetong.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files of {@code index-config/}: analyzer chains, synonyms, stopwords, the clause taxonomy.
 *
 * <p>Read from a directory when one is given (so a team can edit them), otherwise from the copy
 * inside the jar. Names are checked against a strict pattern: configuration names never reach the
 * filesystem unchecked.
 */
public final class ConfigFiles {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.[a-z]{1,8}");

    private final Path directory;

    private ConfigFiles(Path directory) {
        this.directory = directory;
    }

    /** The files in {@code directory}. */
    public static ConfigFiles fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ConfigException(directory.toString(), 0, "配置目录不存在 (index-config directory not found)");
        }
        return new ConfigFiles(directory.toAbsolutePath().normalize());
    }

    /** The copy packaged in the jar. */
    public static ConfigFiles bundled() {
        return new ConfigFiles(null);
    }

    /** {@code index-config/} of the hetong home (see {@link #home()}) when it exists, else the bundled copy. */
    public static ConfigFiles defaultLocation() {
        Path local = home().resolve("index-config");
        return Files.isDirectory(local) ? fromDirectory(local) : bundled();
    }

    /**
     * The checkout hetong runs from: the {@code hetong.home} system property the launcher sets, or
     * the working directory. Its {@code web/}, {@code index-config/} and {@code sample-docs/} are used
     * when present, so they can be edited without a build.
     */
    public static Path home() {
        String home = System.getProperty("hetong.home");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    public String describe() {
        return directory == null ? "classpath:index-config" : directory.toString();
    }

    public InputStream open(String name) throws IOException {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IOException("refusing configuration file name '" + name + "'");
        }
        if (directory != null) {
            Path file = directory.resolve(name).normalize();
            if (!file.startsWith(directory)) {
                throw new IOException("refusing configuration file name '" + name + "'");
            }
            return Files.newInputStream(file);
        }
        InputStream in = ConfigFiles.class.getResourceAsStream("/index-config/" + name);
        if (in == null) {
            throw new IOException("configuration file index-config/" + name + " is not in the jar");
        }
        return in;
    }

    public boolean exists(String name) {
        try (InputStream ignored = open(name)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The meaningful lines of a file: without comments (#) and blank lines, with line numbers. */
    public List<NumberedLine> lines(String name) {
        String content;
        try (InputStream in = open(name)) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(describe() + "/" + name, 0, "无法读取: " + e.getMessage());
        }
        List<NumberedLine> lines = new ArrayList<>();
        String[] raw = content.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isEmpty() && !line.startsWith("#")) {
                lines.add(new NumberedLine(i + 1, line));
            }
        }
        return lines;
    }

    /** A line of a configuration file and where it was. */
    public record NumberedLine(int number, String text) {}

    public String location(String name) {
        return describe() + "/" + name;
    }
}
