package org.cacheway.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * This build's modules as their poms declare them, and what a user would download of them: the
 * modules that are published (jar packaging, no {@code maven.deploy.skip}) and the files they made.
 */
final class Reactor {
    private final Path root;
    private final Element rootPom;

    /** One dependency of a {@code dependencyManagement} section. */
    record Managed(String groupId, String artifactId, String type) {
    }

    /** The reactor whose aggregator pom is in {@code root}. */
    Reactor(Path root) throws Exception {
        this.root = root;
        this.rootPom = read(root.resolve("pom.xml"));
    }

    /** The version every module has. */
    String version() {
        return child(rootPom, "version");
    }

    /** The root pom, which every other pom inherits from. */
    Element rootPom() {
        return rootPom;
    }

    /** The pom of the module in directory {@code module}. */
    Element pom(String module) throws Exception {
        return read(root.resolve(module).resolve("pom.xml"));
    }

    /** The published modules: jar packaging, {@code maven.deploy.skip} not true. */
    List<String> publishedModules() throws Exception {
        List<String> published = new ArrayList<>();
        for (Element module : children(firstChild(rootPom, "modules"), "module")) {
            Element pom = pom(module.getTextContent());
            Element properties = firstChild(pom, "properties");
            boolean skipped = properties != null && "true".equals(child(properties, "maven.deploy.skip"));
            if ("jar".equals(packaging(pom)) && !skipped) {
                published.add(module.getTextContent());
            }
        }
        return published;
    }

    /** What {@code pom}'s {@code dependencyManagement} lists; empty when it has none. */
    static List<Managed> managed(Element pom) {
        List<Managed> managed = new ArrayList<>();
        Element section = firstChild(pom, "dependencyManagement");
        if (section != null) {
            for (Element dependency : children(firstChild(section, "dependencies"), "dependency")) {
                String type = child(dependency, "type");
                managed.add(new Managed(child(dependency, "groupId"), child(dependency, "artifactId"),
                        type == null ? "jar" : type));
            }
        }
        return managed;
    }

    /** A file module {@code module} built: {@code target/<module>-<version><suffix>}. */
    Path built(String module, String suffix) {
        return root.resolve(module).resolve("target").resolve(module + "-" + version() + suffix);
    }

    /**
     * Installs {@code module}'s pom, and its {@code files} (suffixes of {@link #built}), into the local
     * repository {@code repository} under {@code artifactId}, as {@code mvn install} lays them out.
     */
    void install(Path repository, String module, String artifactId, String... files) throws IOException {
        Path dir = Files.createDirectories(repository.resolve("org/cacheway").resolve(artifactId).resolve(version()));
        String base = artifactId + "-" + version();
        Files.copy(root.resolve(module).resolve("pom.xml"), dir.resolve(base + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : files) {
            Files.copy(built(module, suffix), dir.resolve(base + suffix), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String packaging(Element pom) {
        String packaging = child(pom, "packaging");
        return packaging == null ? "jar" : packaging;
    }

    private static Element read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    private static String child(Element parent, String name) {
        Element child = firstChild(parent, name);
        return child == null ? null : child.getTextContent().strip();
    }

    private static Element firstChild(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
