package org.vigil.kernel.abi;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.libc.Errno;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compiles a C program against the system's linux/videodev2.h (and libc headers) that prints every
 * size, offset, ioctl number and constant the binding uses, and fails on any difference. The checks
 * are found by reflection over the annotations in org.vigil.kernel.abi, so a new layout field is
 * checked the moment it is annotated.
 */
class HeaderAbiTest {

    /** One value to compare: a name for the report, the C expression, and the Java value. */
    record Check(String name, String cExpression, Field field) {
        boolean matches(long cValue) throws IllegalAccessException {
            Class<?> type = field.getType();
            if (type == long.class) {
                return field.getLong(null) == cValue;
            }
            if (type == short.class) {
                return field.getShort(null) == (short) cValue;
            }
            // int fields hold C unsigned 32-bit flags as their bit pattern
            return field.getInt(null) == (int) cValue;
        }

        String javaValue() throws IllegalAccessException {
            return String.format("0x%X", field.getType() == long.class ? field.getLong(null)
                    : field.getType() == short.class ? field.getShort(null) : field.getInt(null));
        }
    }

    @Test
    void everyLayoutIoctlAndConstantMatchesTheSystemHeaders() throws Exception {
        List<Check> checks = collectChecks();
        assertTrue(checks.size() > 150, "expected the whole binding to be annotated, found " + checks.size() + " checks");
        Map<String, Long> cValues = compileAndRun(checks);

        List<String> mismatches = new ArrayList<>();
        for (Check check : checks) {
            Long cValue = cValues.get(check.name());
            if (cValue == null) {
                mismatches.add(check.name() + ": no value printed for " + check.cExpression());
            } else if (!check.matches(cValue)) {
                mismatches.add(String.format("%s: Java %s, C %s = 0x%X", check.name(), check.javaValue(),
                        check.cExpression(), cValue));
            }
        }
        assertEquals(List.of(), mismatches, "binding differs from the system headers");
    }

    @Test
    void errnoTableMatchesTheSystemHeaders() throws Exception {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Errno errno : Errno.values()) {
            if (errno != Errno.UNKNOWN) {
                expressions.put(errno.name(), errno.name());
            }
        }
        Map<String, Long> cValues = run(program(expressions));
        List<String> mismatches = new ArrayList<>();
        for (Errno errno : Errno.values()) {
            if (errno != Errno.UNKNOWN && cValues.get(errno.name()) != errno.code()) {
                mismatches.add(errno.name() + ": Java " + errno.code() + ", C " + cValues.get(errno.name()));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static List<Check> collectChecks() throws Exception {
        List<Check> checks = new ArrayList<>();
        for (Class<?> type : abiClasses()) {
            CStruct struct = type.getAnnotation(CStruct.class);
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                String name = type.getSimpleName() + "." + field.getName();
                if (field.isAnnotationPresent(CSize.class)) {
                    checks.add(new Check(name, "sizeof(struct " + struct.value() + ")", field));
                }
                COffset offset = field.getAnnotation(COffset.class);
                if (offset != null) {
                    checks.add(new Check(name, "offsetof(struct " + struct.value() + ", " + offset.value() + ")", field));
                }
                CMacro macro = field.getAnnotation(CMacro.class);
                if (macro != null) {
                    checks.add(new Check(name, macro.value(), field));
                }
            }
        }
        return checks;
    }

    /** Every class compiled into org/vigil/kernel/abi, found through the class path. */
    private static List<Class<?>> abiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        URL anchor = Vidioc.class.getResource("Vidioc.class");
        Path dir = Path.of(anchor.toURI()).getParent();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String simple = file.getFileName().toString();
                if (simple.endsWith(".class") && !simple.contains("$")) {
                    classes.add(Class.forName(Vidioc.class.getPackageName() + "." + simple.replace(".class", "")));
                }
            }
        }
        return classes;
    }

    private static Map<String, Long> compileAndRun(List<Check> checks) throws Exception {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Check check : checks) {
            expressions.put(check.name(), check.cExpression());
        }
        return run(program(expressions));
    }

    private static String program(Map<String, String> expressions) {
        StringBuilder c = new StringBuilder("""
                #include <stddef.h>
                #include <stdio.h>
                #include <errno.h>
                #include <fcntl.h>
                #include <poll.h>
                #include <sys/eventfd.h>
                #include <sys/mman.h>
                #include <linux/videodev2.h>
                int main(void) {
                """);
        expressions.forEach((name, expression) ->
                c.append("    printf(\"%s %lld\\n\", \"").append(name).append("\", (long long)(").append(expression)
                        .append("));\n"));
        return c.append("    return 0;\n}\n").toString();
    }

    private static Map<String, Long> run(String program) throws Exception {
        Path dir = Files.createTempDirectory("vigil-abi");
        try {
            Path source = dir.resolve("abi.c");
            Path binary = dir.resolve("abi");
            Files.writeString(source, program);
            String compiled = exec(List.of("gcc", "-Wall", "-o", binary.toString(), source.toString()), dir);
            Map<String, Long> values = new LinkedHashMap<>();
            for (String line : exec(List.of(binary.toString()), dir).split("\n")) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2) {
                    values.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            assertTrue(compiled.isBlank() || !compiled.contains("error"), compiled);
            return values;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String exec(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("cannot run " + command.get(0) + " (install gcc and linux-libc-dev; kernel/rig/install does): " + e);
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
