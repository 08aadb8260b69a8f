package nl.signaalpoort;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: channels -> pipeline -> store -> delivery/feedback; the model depends on nothing. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.signaalpoort");

    @Test
    void theCanonicalModelDependsOnNothingOfOurs() {
        classes().that().resideInAPackage("..signal..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..signal..", "java..", "com.fasterxml.jackson.annotation..")
                .check(CLASSES);
    }

    @Test
    void theSharedHelpersDependOnNothingOfOurs() {
        // org.xml.sax is the JDK's own XML API (java.xml), which the secure XML readers build on.
        classes().that().resideInAnyPackage("..files..", "..json..", "..camel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..files..", "..json..", "..camel..", "java..", "javax..",
                        "com.fasterxml.jackson..", "org.springframework..", "org.xml.sax..")
                .check(CLASSES);
    }

    @Test
    void configHoldsConfigurationOnly() {
        classes().that().resideInAPackage("..config..")
                .should().beAnnotatedWith(org.springframework.context.annotation.Configuration.class)
                .orShould().beAnnotatedWith(org.springframework.boot.context.properties.ConfigurationPropertiesBinding.class)
                .orShould().haveSimpleNameEndingWith("Files")
                .check(CLASSES);
    }

    @Test
    void pipelineStagesDoNotKnowChannelsStoreOrDelivery() {
        noClasses().that().resideInAnyPackage("..normalise..", "..rules..", "..pseudonym..", "..routing..", "..partner..")
                .should().dependOnClassesThat().resideInAnyPackage("..intake..", "..store..", "..delivery..", "..feedback..", "..api..")
                .check(CLASSES);
    }

    @Test
    void theStoreDoesNotKnowWhoCallsIt() {
        noClasses().that().resideInAPackage("..store..")
                .should().dependOnClassesThat().resideInAnyPackage("..intake..", "..delivery..", "..feedback..", "..api..",
                        "..security..", "..rules..", "..pseudonym..")
                .check(CLASSES);
    }

    @Test
    void deliveryAndFeedbackDoNotReachBackIntoIntake() {
        noClasses().that().resideInAnyPackage("..delivery..", "..feedback..")
                .should().dependOnClassesThat().resideInAPackage("..intake..")
                .check(CLASSES);
    }

    @Test
    void onlyTheSecurityAndApiLayersSeeServletsOutsideControllers() {
        noClasses().that().resideInAnyPackage("..signal..", "..normalise..", "..rules..", "..store..", "..delivery..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                .check(CLASSES);
    }
}
