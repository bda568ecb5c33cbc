package dlbasics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's minimal project ({@code src/test/resources/consumer}) compiles and runs against
 * dlbasics-core alone, and its pom names the coordinates {@code mvn install} publishes.
 *
 * <p>Why javac and not {@code mvn -o} on the consumer: Maven 3.8 has no chained local repository, so
 * an offline build in a fresh temporary repository (the shared ~/.m2 must not receive installs from
 * tests) would lack every plugin, and copying ~/.m2 costs minutes. The consumer is therefore compiled
 * with the JDK's compiler against the same dlbasics-core classes the reactor built, with nothing else
 * on its class path: that proves the dependency snippet needs no further artifact.
 */
class ConsumerProjectIT {
    private static final Path CONSUMER = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/consumer");

    @TempDir
    Path out;

    /** The class-path entry holding dlbasics-core: its jar or target/classes. */
    private static String coreOnly() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(e -> e.contains("dlbasics-core"))
                .findFirst().orElseThrow(() -> new IllegalStateException("dlbasics-core is not on the test class path: " + classPath));
    }

    @Test
    void theMinimalProjectBuildsAndRunsOnDlbasicsCoreAlone() throws Exception {
        String pom = Files.readString(CONSUMER.resolve("pom.xml"));
        assertTrue(pom.contains("<groupId>dev.dlbasics</groupId>\n      <artifactId>dlbasics-core</artifactId>\n"
                + "      <version>0.1.0-SNAPSHOT</version>"), "the README's coordinates:\n" + pom);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        Path source = CONSUMER.resolve("src/main/java/example/Flower.java");
        Path classes = Files.createDirectories(out.resolve("classes"));
        int compiled = javac.run(null, diagnostics, diagnostics, "--release", "17", "-Xlint:all", "-Werror",
                "-cp", coreOnly(), "-d", classes.toString(), source.toString());
        assertEquals(0, compiled, diagnostics.toString(StandardCharsets.UTF_8));

        Process run = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + coreOnly(), "example.Flower"))
                .redirectErrorStream(true).redirectOutput(out.resolve("out.txt").toFile()).start();
        assertTrue(run.waitFor(5, TimeUnit.MINUTES));
        String printed = Files.readString(out.resolve("out.txt"));
        assertEquals(0, run.exitValue(), printed);
        // REFERENCE.md: the planar network's first cost and its accuracy after 10000 iterations
        assertTrue(printed.startsWith("Cost after iteration 0: 0.693048\nCost after iteration 1000: 0.288083\n"), printed);
        assertTrue(printed.endsWith("Accuracy: 90.75%\n"), printed);
    }
}
