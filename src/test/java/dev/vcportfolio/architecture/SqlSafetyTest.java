package dev.vcportfolio.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every SQL statement is a compile-time constant, so values can only reach PostgreSQL as bound parameters (issue 11,
 * SQL safety). javac folds constant expressions (text blocks, literals, {@code static final} strings joined with
 * {@code +}) into one {@code ldc}; anything built at run time ({@code "… id = '" + id + "'"}, {@code formatted},
 * {@code StringBuilder}, a variable) reaches {@code preparedQuery}/{@code query}/{@code prepare} some other way. The
 * check reads the bytecode (java.lang.classfile): the instruction right before each such call must load a constant
 * string. ArchUnit sees calls but not their arguments, nor the invokedynamic string concatenation.
 */
class SqlSafetyTest {

    static final Set<String> SQL_METHODS = Set.of("preparedQuery", "query", "prepare");

    @Test
    void every_statement_the_service_runs_is_a_compile_time_constant() {
        // when
        List<String> violations = violations(Path.of("target/classes/dev/vcportfolio"));

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void the_check_catches_string_built_sql_and_accepts_constants() {
        // when
        List<String> violations = violations(Path.of("target/test-classes/dev/vcportfolio/architecture/fixtures"));

        // then
        assertThat(violations)
                .hasSize(4)
                .allMatch(v -> v.contains("StringBuiltSql."))
                .anyMatch(v -> v.contains(".concatenated"))
                .anyMatch(v -> v.contains(".formatted"))
                .anyMatch(v -> v.contains(".built"))
                .anyMatch(v -> v.contains(".passedIn"))
                .noneMatch(v -> v.contains(".constantTextBlock") || v.contains(".constantJoined"));
    }

    static List<String> violations(Path root) {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel type = ClassFile.of().parse(Files.readAllBytes(file));
                type.methods().forEach(method -> check(type, method, violations));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    private static void check(ClassModel type, MethodModel method, List<String> violations) {
        method.code().ifPresent(code -> {
            Instruction previous = null;
            int line = -1;
            for (CodeElement element : code) {
                if (element instanceof LineNumber number) {
                    line = number.line();
                }
                if (!(element instanceof Instruction instruction)) {
                    continue;
                }
                if (instruction instanceof InvokeInstruction call && runsSql(call) && !constantString(previous)) {
                    violations.add(type.thisClass().asInternalName().replace('/', '.') + "."
                            + method.methodName().stringValue()
                            + " (line " + line + "): " + call.name().stringValue()
                            + " with SQL that is not a compile-time constant");
                }
                previous = instruction;
            }
        });
    }

    /** A Vert.x SQL client method that takes the statement's text. */
    private static boolean runsSql(InvokeInstruction call) {
        return call.owner().asInternalName().startsWith("io/vertx/")
                && SQL_METHODS.contains(call.name().stringValue())
                && call.typeSymbol().parameterList().stream()
                        .anyMatch(p -> p.descriptorString().equals("Ljava/lang/String;"));
    }

    private static boolean constantString(Instruction previous) {
        return previous instanceof ConstantInstruction constant && constant.constantValue() instanceof String;
    }
}
