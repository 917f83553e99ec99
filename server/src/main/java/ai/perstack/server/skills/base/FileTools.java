package ai.perstack.server.skills.base;

import ai.perstack.server.workspaces.FileTrees;
import ai.perstack.server.workspaces.PathRefusedException;
import ai.perstack.server.workspaces.Workspace;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** The base tools that read and change files and directories, confined to the workspace. */
final class FileTools {
    static final long MAX_IMAGE_BYTES = 15L << 20;
    static final long MAX_PDF_BYTES = 30L << 20;
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

    ObjectNode readTextFile(Args args) throws ToolError, IOException {
        String path = args.string("path");
        Integer from = args.optionalInt("from");
        Integer to = args.optionalInt("to");
        Path file = existingFile(path);
        LineRange range = LineRange.of(read(file), from, to);
        return json().put("path", path).put("content", range.content()).put("from", range.from()).put("to", range.to());
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

    ObjectNode writeTextFile(Args args) throws ToolError, IOException {
        String path = args.string("path");
        String text = args.string("text");
        Path file = resolve(path);
        if (Fs.exists(file)) {
            Fs.mustBeFile(file, path);
            Fs.mustBeWritable(file, path);
        }
        Files.createDirectories(file.getParent());
        resolve(path);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return json().put("path", path).put("text", text);
    }

    ObjectNode appendTextFile(Args args) throws ToolError, IOException {
        String path = args.string("path");
        String text = args.string("text");
        Path file = existingFile(path);
        Fs.mustBeWritable(file, path);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return json().put("path", path).put("text", text);
    }

    ObjectNode editTextFile(Args args) throws ToolError, IOException {
        String path = args.string("path");
        String newText = args.string("newText");
        String oldText = args.string("oldText");
        Path file = existingFile(path);
        Fs.mustBeWritable(file, path);
        String content = lf(read(file));
        String oldLf = lf(oldText);
        int at = content.indexOf(oldLf);
        if (at < 0) {
            throw new ToolError("Could not find the text to replace in " + path);
        }
        String edited = content.substring(0, at) + lf(newText) + content.substring(at + oldLf.length());
        Files.write(file, edited.getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
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

    private static String read(Path file) throws IOException {
        try (var channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             var in = java.nio.channels.Channels.newInputStream(channel)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String lf(String text) {
        return text.replace("\r\n", "\n");
    }

    static ObjectNode json() {
        return JsonNodeFactory.instance.objectNode();
    }
}
