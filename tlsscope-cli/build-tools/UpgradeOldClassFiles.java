import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A build step of the CLI's jar (run by Maven after the shade plugin): rewrites the class files older than
 * Java 6 (picocli is compiled for Java 5) as Java 8 class files with stack maps, the same code otherwise.
 * The JVM's ahead-of-time cache (JEP 483) skips classes that old, so picocli's ~230 classes were loaded,
 * verified and linked from the jar on every run, some 50 ms of each start; rewritten, they are cached too.
 *
 * <p>Usage: java UpgradeOldClassFiles.java JAR (rewritten in place).
 */
public final class UpgradeOldClassFiles {
    private static final int JAVA_6 = 50;
    private static final int JAVA_8 = 52;

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".tmp");
        int upgraded = 0;
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            // Stack maps need the class hierarchy: the JDK's classes, and the jar's own.
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".class")) {
                    ClassModel model = classFile.parse(bytes);
                    if (model.majorVersion() < JAVA_6) {
                        // Every method body is re-emitted (not passed through), so that its stack maps are made.
                        bytes = classFile.transformClass(model,
                                ClassTransform.transformingMethodBodies((code, element) -> code.with(element))
                                        .andThen(ClassTransform.endHandler(c -> c.withVersion(JAVA_8, 0))));
                        upgraded++;
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        if (upgraded == 0) {
            // The build expects picocli's old class files: none means a dependency changed, and this step is moot.
            System.err.println("UpgradeOldClassFiles: no class file older than Java 6 in " + jar.getFileName());
        }
    }
}
