package ai.perstack.server.skills.base;

import ai.perstack.server.workspaces.FileTrees;
import ai.perstack.server.workspaces.PathRefusedException;
import ai.perstack.server.workspaces.Workspace;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The base tools that read and change files and directories, confined to the workspace. */
final class FileTools {
    static final long MAX_IMAGE_BYTES = 15L << 20;
    static final long MAX_PDF_BYTES = 30L << 20;
    /** The longest text a Java array holds, in UTF-8 bytes. */
    private static final long MAX_TEXT_BYTES = Integer.MAX_VALUE - 16;
    private static final List<String> IMAGE_TYPES = List.of("png", "jpg", "jpeg", "gif", "webp");

    private final Workspace workspace;

    FileTools(Workspace workspace) {
        this.workspace = workspace;
    }

    Path resolve(String path) throws ToolError {
        try {
            return workspace.resolve(path);
        } catch (PathRefusedException e) {
            throw new ToolError(e.getMessage());
        }
    }

    /** Core's {@code readTextFile}: its result's JSON text, written directly (see {@link ResultText} for why). */
    String readTextFile(Args args) throws ToolError, IOException {
        String path = args.string("path");
        Integer from = args.optionalInt("from");
        Integer to = args.optionalInt("to");
        Path file = existingFile(path);
        ByteBuffer bytes = readBytes(file);
        if (from == null && to == null && wellFormed(path)) {
            // The whole file, the common call: escaped as bytes and decoded once with the rest (see Utf8ResultText).
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            Utf8ResultText text = new Utf8ResultText(bytes.position()).raw("{\"path\":").quoted(name, 0, name.length)
                    .raw(",\"content\":").quoted(bytes.array(), 0, bytes.position());
            // the lines of the whole file: one more than its line feeds, as LineRange counts them
            return text.raw(",\"from\":0,\"to\":" + (text.lastLineBreaks() + 1) + "}").text();
        }
        LineRange range = LineRange.of(decode(bytes), from, to);
        return ResultText.object(range.content().length()).put("path", path).put("content", range.content())
                .put("from", range.from()).put("to", range.to()).text();
    }

    ObjectNode readMedia(Args args, boolean pdf) throws ToolError, IOException {
        String path = args.string("path");
        Path file = existingFile(path);
        String ext = Fs.extension(file);
        String mimeType;
        long max;
        if (pdf) {
            if (!ext.equals("pdf")) {
                throw new ToolError("Unsupported file type: " + path + " (only application/pdf)");
            }
            mimeType = "application/pdf";
            max = MAX_PDF_BYTES;
        } else {
            if (!IMAGE_TYPES.contains(ext)) {
                throw new ToolError("Unsupported image format: " + path + " (png, jpeg, gif and webp only)");
            }
            mimeType = Fs.mimeType(file);
            max = MAX_IMAGE_BYTES;
        }
        long size = Files.size(file);
        if (size > max) {
            throw new ToolError("File is too large: " + path + " (" + Fs.formatSize(size) + ", at most "
                    + Fs.formatSize(max) + ")");
        }
        return json().put("path", file.toString()).put("mimeType", mimeType).put("size", size);
    }

    /** Core's {@code writeTextFile}: its result's JSON text, written directly (see {@link ResultText} for why). */
    String writeTextFile(Args args) throws ToolError, IOException {
        String path = args.string("path");
        String text = args.string("text");
        Path file = resolve(path);
        if (Fs.exists(file)) {
            Fs.mustBeFile(file, path);
            Fs.mustBeWritable(file, path);
        }
        Files.createDirectories(file.getParent());
        // again: a directory created just now may have been swapped for a link out of the workspace meanwhile
        resolve(path);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        write(file, utf8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        return pathAndText(path, text, utf8);
    }

    /** Core's {@code appendTextFile}; the same result as {@code writeTextFile}'s. */
    String appendTextFile(Args args) throws ToolError, IOException {
        String path = args.string("path");
        String text = args.string("text");
        Path file = existingFile(path);
        Fs.mustBeWritable(file, path);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        write(file, utf8, StandardOpenOption.APPEND);
        return pathAndText(path, text, utf8);
    }

    /** The result of writeTextFile and appendTextFile; {@code utf8} is the text as written, scanned in its place. */
    private static String pathAndText(String path, String text, byte[] utf8) {
        return ResultText.object(text.length()).put("path", path).put("text", text, utf8).text();
    }

    ObjectNode editTextFile(Args args) throws ToolError, IOException {
        String path = args.string("path");
        String newText = args.string("newText");
        String oldText = args.string("oldText");
        Path file = existingFile(path);
        Fs.mustBeWritable(file, path);
        String content = lf(decode(readBytes(file)));
        String oldLf = lf(oldText);
        int at = content.indexOf(oldLf);
        if (at < 0) {
            throw new ToolError("Could not find the text to replace in " + path);
        }
        String edited = content.substring(0, at) + lf(newText) + content.substring(at + oldLf.length());
        write(file, edited.getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);
        return json().put("path", path).put("newText", newText).put("oldText", oldText);
    }

    ObjectNode moveFile(Args args) throws ToolError, IOException {
        String source = args.string("source");
        String destination = args.string("destination");
        Path from = resolve(source);
        Fs.mustExist(from, source);
        Fs.mustBeWritable(from, source);
        Path to = resolve(destination);
        if (Fs.exists(to)) {
            throw new ToolError("Destination already exists: " + destination);
        }
        Files.createDirectories(to.getParent());
        resolve(destination);
        Files.move(from, to, LinkOption.NOFOLLOW_LINKS);
        return json().put("source", source).put("destination", destination);
    }

    ObjectNode deleteFile(Args args) throws ToolError, IOException {
        String path = args.string("path");
        Path file = resolve(path);
        Fs.mustExist(file, path);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolError("Path is a directory: " + path + " (use deleteDirectory)");
        }
        Fs.mustBeWritable(file, path);
        Files.delete(file);
        return json().put("path", path);
    }

    ObjectNode getFileInfo(Args args) throws ToolError, IOException {
        String path = args.string("path");
        Path file = resolve(path);
        Fs.mustExist(file, path);
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean dir = attrs.isDirectory();
        ObjectNode info = json().put("exists", true).put("path", path).put("absolutePath", file.toString())
                .put("name", file.getFileName().toString()).put("directory", file.getParent().toString());
        if (dir) {
            info.putNull("extension");
        } else {
            info.put("extension", Fs.extension(file));
        }
        info.put("type", dir ? "directory" : "file");
        if (dir) {
            info.putNull("mimeType");
        } else {
            info.put("mimeType", Fs.mimeType(file));
        }
        info.put("size", attrs.size()).put("sizeFormatted", Fs.formatSize(attrs.size()))
                .put("created", attrs.creationTime().toInstant().toString())
                .put("modified", attrs.lastModifiedTime().toInstant().toString())
                .put("accessed", attrs.lastAccessTime().toInstant().toString());
        info.putObject("permissions").put("readable", true).put("writable", Fs.writable(file))
                .put("executable", Files.isExecutable(file));
        return info;
    }

    ObjectNode listDirectory(Args args) throws ToolError, IOException {
        String path = args.string("path");
        Path dir = resolve(path);
        Fs.mustExist(dir, path);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolError("Path is not a directory: " + path);
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        ObjectNode result = json().put("path", path);
        ArrayNode items = result.putArray("items");
        for (Path child : children) {
            if (workspace.isReserved(child)) {
                continue;
            }
            resolve(workspace.relative(child));
            BasicFileAttributes attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String name = child.getFileName().toString();
            items.addObject().put("name", name).put("path", name).put("type", attrs.isDirectory() ? "directory" : "file")
                    .put("size", attrs.size()).put("modified", attrs.lastModifiedTime().toInstant().toString());
        }
        return result;
    }

    ObjectNode createDirectory(Args args) throws ToolError, IOException {
        String path = args.string("path");
        Path dir = resolve(path);
        if (Fs.exists(dir)) {
            throw new ToolError("Directory already exists: " + path);
        }
        Path parent = dir.getParent();
        if (Fs.exists(parent) && !Fs.writable(parent)) {
            throw new ToolError("Parent directory is not writable: " + path);
        }
        Files.createDirectories(dir);
        return json().put("path", path);
    }

    ObjectNode deleteDirectory(Args args) throws ToolError, IOException {
        String path = args.string("path");
        Boolean recursive = args.optionalBool("recursive");
        Path dir = resolve(path);
        Fs.mustExist(dir, path);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolError("Path is not a directory: " + path);
        }
        if (dir.equals(workspace.root())) {
            throw new ToolError("The workspace itself cannot be deleted: " + path);
        }
        Fs.mustBeWritable(dir, path);
        if (Boolean.TRUE.equals(recursive)) {
            FileTrees.delete(dir);
        } else {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                if (stream.iterator().hasNext()) {
                    throw new ToolError("Directory is not empty: " + path + " (use recursive: true)");
                }
            }
            Files.delete(dir);
        }
        return json().put("path", path);
    }

    private Path existingFile(String path) throws ToolError {
        Path file = resolve(path);
        Fs.mustExist(file, path);
        Fs.mustBeFile(file, path);
        return file;
    }

    /**
     * The file's bytes, in the returned buffer's array up to its position; opened without
     * following a link. As {@code Files.readString} does, the size is read first and the bytes
     * land in one array of that size: an input stream's {@code readAllBytes} instead reads 8-16 KB
     * at a time (a system call and a copy each) into a list of chunks and then copies them together.
     */
    private static ByteBuffer readBytes(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > MAX_TEXT_BYTES) {
                throw new IOException("File is too large to read as text (" + Fs.formatSize(size) + ")");
            }
            // One byte more than the size, so that the read that finds the end needs no larger array.
            ByteBuffer bytes = ByteBuffer.allocate((int) size + 1);
            while (channel.read(bytes) >= 0) {
                if (!bytes.hasRemaining()) {
                    // the file grew since its size was read: read on to its end, as Files.readString does
                    if (bytes.capacity() >= MAX_TEXT_BYTES) {
                        throw new IOException("File is too large to read as text");
                    }
                    bytes = ByteBuffer.allocate((int) Math.min(MAX_TEXT_BYTES, 2L * bytes.capacity())).put(bytes.flip());
                }
            }
            return bytes;
        }
    }

    /** The text of {@link #readBytes}' bytes, malformed UTF-8 read as U+FFFD. */
    private static String decode(ByteBuffer bytes) {
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
    }

    /** Whether {@code s} has no lone surrogate, which its UTF-8 bytes would turn into {@code ?}. */
    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes {@code utf8} without following a link, in one write of the whole array through the
     * channel: {@code Files.write(Path, byte[])}, and so {@code Files.writeString}, hands it to an
     * output stream 8 KB at a time, a system call and a copy each.
     */
    private static void write(Path file, byte[] utf8, StandardOpenOption... modes) throws IOException {
        Set<OpenOption> options = new HashSet<>(List.of(modes));
        options.add(StandardOpenOption.WRITE);
        options.add(LinkOption.NOFOLLOW_LINKS);
        ByteBuffer bytes = ByteBuffer.wrap(utf8);
        try (SeekableByteChannel channel = Files.newByteChannel(file, options)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    private static String lf(String text) {
        return text.replace("\r\n", "\n");
    }

    static ObjectNode json() {
        return JsonNodeFactory.instance.objectNode();
    }
}
