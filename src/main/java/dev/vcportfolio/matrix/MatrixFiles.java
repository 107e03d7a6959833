package dev.vcportfolio.matrix;

import dev.vcportfolio.core.codec.Float32;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads an uploaded binary part: float32 little-endian values, mapped rather than copied into a byte array first. */
final class MatrixFiles {

    private MatrixFiles() {}

    static float[] readFloats(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return Float32.fromLittleEndian(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded matrix", e);
        }
    }
}
