package se.samverka.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md. Every rule is also checked to match classes, so a
 * rule that matches nothing (and so checks nothing) fails instead of passing.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.samverka");
    }

    @Test
    void commandSideNeverDependsOnQuerySide() {
        noClasses().that().resideInAPackage("se.samverka.command..")
                .should().dependOnClassesThat().resideInAPackage("se.samverka.query..")
                .allowEmptyShould(false).check(classes);
    }

    @Test
    void querySideNeverDependsOnCommandSide() {
        noClasses().that().resideInAPackage("se.samverka.query..")
                .should().dependOnClassesThat().resideInAPackage("se.samverka.command..")
                .allowEmptyShould(false).check(classes);
    }

    @Test
    void sharedKernelKnowsNoSpringNoStorageAndNoOtherModule() {
        noClasses().that().resideInAPackage("se.samverka.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "java.sql..", "javax.sql..", "com.fasterxml..", "se.samverka.command..",
                        "se.samverka.query..", "se.samverka.app..")
                .allowEmptyShould(false).check(classes);
    }

    @Test
    void messagesOfTheKernelAreRecords() {
        classes().that().resideInAPackage("se.samverka.kernel..").and().areNotInterfaces()
                .and(DescribedPredicate.describe("are messages", (JavaClass javaClass) ->
                        javaClass.getSimpleName().endsWith("Event") || javaClass.getSimpleName().endsWith("Command")))
                .should(ArchConditions.be(DescribedPredicate.describe("a record", JavaClass::isRecord)))
                .allowEmptyShould(false).check(classes);
    }
}
