package org.cacheway.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code java} blocks of a Markdown file, each made into a class whose static {@code run()}
 * method holds the block's statements, the block's leading {@code import} lines above it.
 */
final class ReadmeSnippets {
    private static final String OPEN = "```java";
    private static final String CLOSE = "```";

    /** One block: where it starts in the file (1-based line of its first code line) and its code. */
    record Snippet(int line, List<String> imports, List<String> statements) {

        /** The class name the block compiles to. */
        String className() {
            return "ReadmeSnippetAtLine" + line;
        }

        /** A compilation unit that runs the block's statements in {@code run()}. */
        String source() {
            StringBuilder source = new StringBuilder();
            imports.forEach(line -> source.append(line).append('\n'));
            source.append("public final class ").append(className()).append(" {\n")
                    .append("    public static void run() throws Exception {\n");
            statements.forEach(line -> source.append(line).append('\n'));
            return source.append("    }\n}\n").toString();
        }
    }

    private ReadmeSnippets() {
    }

    /** Every {@code java} block of {@code markdown}, in order. */
    static List<Snippet> read(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals(OPEN)) {
                continue;
            }
            int first = i + 1;
            List<String> imports = new ArrayList<>();
            List<String> statements = new ArrayList<>();
            for (i = first; !lines.get(i).strip().equals(CLOSE); i++) {
                String line = lines.get(i);
                if (statements.isEmpty() && (line.startsWith("import ") || line.isBlank())) {
                    imports.add(line);
                } else {
                    statements.add(line);
                }
            }
            snippets.add(new Snippet(first + 1, imports, statements));
        }
        return snippets;
    }
}
