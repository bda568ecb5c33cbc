// The dlbasics shell's startup: the course's imports and a few helpers. `./dlbasics shell` runs it
// before the first prompt (instead of jshell's DEFAULT startup, which would double the start time),
// and `./dlbasics shell script.jsh` before the script (the jar holds a copy).
import java.nio.file.*;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import java.awt.image.BufferedImage;
import dlbasics.matrix.*;
import dlbasics.random.*;
import dlbasics.course.*;
import dlbasics.data.*;
import dlbasics.model.*;
import dlbasics.nn.*;
import dlbasics.io.*;
import dlbasics.plot.*;

/** Prints a value as the notebooks do: a Matrix the way numpy prints an array. */
void print(Object value) { System.out.println(value); }

/** print with Java format codes, e.g. printf("cost after iteration %d: %f", i, cost); always a dot for decimals. */
void printf(String format, Object... args) { System.out.println(String.format(Locale.ROOT, format, args)); }

/** Writes a chart or picture to a PNG file and returns its path; a relative name goes under
 *  -Ddlbasics.notebook.out, else notebooks-out in the current folder (made as needed). */
Path save(BufferedImage image, String file) throws java.io.IOException {
    Path folder = Path.of(System.getProperty("dlbasics.notebook.out", "notebooks-out"));
    return Png.write(image, folder.resolve(file).toAbsolutePath().normalize());
}

/** The course's shared data sets: -Ddlbasics.datasets, else $DLBASICS_DATASETS, else ../shared/datasets. */
Path datasets() {
    String given = System.getProperty("dlbasics.datasets", System.getenv("DLBASICS_DATASETS"));
    return Path.of(given != null ? given : "../shared/datasets");
}
