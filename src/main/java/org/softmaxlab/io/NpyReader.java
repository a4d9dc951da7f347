package org.softmaxlab.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0 of its header) and {@code .npz} archives of them:
 * little-endian float32/float64 and integer arrays of one or two dimensions in C order. Everything else (big-endian,
 * Fortran order, object or string arrays, more dimensions) is refused with a message that names it.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /**
     * Parses one {@code .npy} file's bytes.
     *
     * @param name    what to call the array in messages (a file or archive entry name)
     * @param maxSize the most values accepted
     * @throws ImportException naming what is wrong
     */
    public static NumericArray read(byte[] bytes, String name, long maxSize) throws ImportException {
        if (bytes.length < 10 || !startsWithMagic(bytes)) {
            throw new ImportException(name + " is not a NumPy .npy file (it does not start with \\x93NUMPY)");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int offset;
        if (major == 1) {
            headerLength = in.getShort(8) & 0xffff;
            offset = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new ImportException(name + " ends inside its header");
            }
            headerLength = in.getInt(8);
            offset = 12;
        } else {
            throw new ImportException(name + " has .npy format version " + major + "; versions 1, 2 and 3 are read");
        }
        if (headerLength < 0 || offset + headerLength > bytes.length) {
            throw new ImportException(name + " ends inside its header");
        }
        String header = new String(bytes, offset, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, name, "descr");
        if (group(FORTRAN, header, name, "fortran_order").equals("True")) {
            throw new ImportException(name + " is in Fortran order; save it in C order "
                    + "(np.ascontiguousarray(a)) and import again");
        }
        long[] shape = shape(group(SHAPE, header, name, "shape"), name);
        Dtype dtype = Dtype.of(descr, name);
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (count > maxSize) {
            throw new ImportException(name + " holds " + count + " numbers; at most " + maxSize + " are imported");
        }
        int data = offset + headerLength;
        if ((long) bytes.length - data < count * dtype.size) {
            throw new ImportException(name + " is shorter than its header says: shape " + describe(shape)
                    + " of " + descr + " needs " + count * dtype.size + " bytes, the file has " + (bytes.length - data));
        }
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = dtype.get(in, data + i * dtype.size);
        }
        // A 0-d array (np.array(3), PyTorch's unbatched class index) is one number: a flat array of one.
        int rows = shape.length == 0 ? 1 : (int) shape[0];
        int columns = shape.length == 2 ? (int) shape[1] : 0;
        return new NumericArray(values, rows, columns, dtype.integer);
    }

    /**
     * The arrays of an {@code .npz} archive (as {@code np.savez} and {@code np.savez_compressed} write it), by name
     * without ".npy".
     */
    public static Map<String, NumericArray> readArchive(byte[] bytes, String name, long maxSize)
            throws ImportException {
        Map<String, NumericArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String key = entry.getName().endsWith(".npy")
                        ? entry.getName().substring(0, entry.getName().length() - 4) : entry.getName();
                byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxSize * 8 + 4096));
                arrays.put(key, read(content, name + "['" + key + "']", maxSize));
            }
        } catch (IOException e) {
            throw new ImportException(name + " is not a readable .npz archive: " + e.getMessage());
        }
        if (arrays.isEmpty()) {
            throw new ImportException(name + " is not an .npz archive (no arrays in it)");
        }
        return arrays;
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String group(Pattern p, String header, String name, String key) throws ImportException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new ImportException(name + "'s header has no readable '" + key + "'");
        }
        return m.group(1);
    }

    private static long[] shape(String text, String name) throws ImportException {
        String[] parts = text.replace(" ", "").split(",");
        int dims = 0;
        long[] shape = new long[parts.length];
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                shape[dims++] = Long.parseLong(part.replace("L", ""));
            } catch (NumberFormatException e) {
                throw new ImportException(name + "'s header has an unreadable shape (" + text + ")");
            }
        }
        if (dims > 2) {
            throw new ImportException(name + " has " + dims + " dimensions (shape (" + text + ")); 0-D (one number), "
                    + "1-D and 2-D arrays are imported");
        }
        long[] out = java.util.Arrays.copyOf(shape, dims);
        for (long d : out) {
            if (d < 1) {
                throw new ImportException(name + " is empty (shape " + describe(out) + ")");
            }
        }
        return out;
    }

    private static String describe(long[] shape) {
        return shape.length == 0 ? "()" : shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + shape[0] + ", " + shape[1] + ")";
    }

    /** The element types read: little-endian (or single-byte) floats and integers. */
    private enum Dtype {
        F8(8, false), F4(4, false), I8(8, true), I4(4, true), I2(2, true), I1(1, true), U8(8, true), U4(4, true),
        U2(2, true), U1(1, true);

        final int size;
        final boolean integer;

        Dtype(int size, boolean integer) {
            this.size = size;
            this.integer = integer;
        }

        static Dtype of(String descr, String name) throws ImportException {
            if (descr.length() < 2) {
                throw new ImportException(name + " has an unreadable dtype '" + descr + "'");
            }
            char order = descr.charAt(0);
            String kind = descr.substring(1);
            if (kind.startsWith("O")) {
                throw new ImportException(name + " is an object array (dtype " + descr + "); save numbers "
                        + "(np.asarray(a, dtype=np.float64))");
            }
            if (order == '>' && !kind.endsWith("1")) {
                throw new ImportException(name + " is big-endian (dtype " + descr + "); save it little-endian "
                        + "(a.astype('<f8'))");
            }
            Dtype t = switch (kind) {
                case "f8" -> F8;
                case "f4" -> F4;
                case "i8" -> I8;
                case "i4" -> I4;
                case "i2" -> I2;
                case "i1" -> I1;
                case "u8" -> U8;
                case "u4" -> U4;
                case "u2" -> U2;
                case "u1" -> U1;
                default -> null;
            };
            if (t == null) {
                throw new ImportException(name + " has dtype " + descr + "; logits are float32 or float64, targets "
                        + "integers or floats");
            }
            return t;
        }

        double get(ByteBuffer b, int at) {
            return switch (this) {
                case F8 -> b.getDouble(at);
                case F4 -> b.getFloat(at);
                case I8 -> b.getLong(at);
                case I4 -> b.getInt(at);
                case I2 -> b.getShort(at);
                case I1 -> b.get(at);
                case U8 -> Long.toUnsignedString(b.getLong(at)).length() > 18 ? Double.NaN : b.getLong(at);
                case U4 -> b.getInt(at) & 0xffffffffL;
                case U2 -> b.getShort(at) & 0xffff;
                case U1 -> b.get(at) & 0xff;
            };
        }
    }
}
