/**
 * Reading and writing what the course and its users keep on disk.
 *
 * <ul>
 *   <li>{@link dlbasics.io.CatImages}: the course's cat / non-cat HDF5 files (jhdf) as
 *       {@code 12288 x m} data sets scaled by 1/255, class names from {@code list_classes}.</li>
 *   <li>{@link dlbasics.io.Images}: any JPEG or PNG photo resized to 64 x 64 (antialiased bicubic,
 *       as Pillow's {@code resize}) and flattened to a {@code 12288 x 1} column.</li>
 *   <li>{@link dlbasics.io.ModelFile}: trained models as safetensors (default) or numpy .npz, format
 *       version 1, written atomically ({@link dlbasics.io.AtomicFiles}) and read defensively.
 *       The layout is described in {@code dlbasics-io/MODEL_FILES.md}.</li>
 *   <li>{@link dlbasics.io.Checkpoint} and {@link dlbasics.io.CheckpointListener}: a training run saved
 *       every N updates so that {@code Trainer.resume} continues it bit for bit.</li>
 * </ul>
 *
 * <p>Every reader names the file in its errors; broken input is an {@link java.lang.IllegalArgumentException},
 * a failing disk an {@link java.io.UncheckedIOException}. Nothing here uses Java serialization.
 */
package dlbasics.io;
