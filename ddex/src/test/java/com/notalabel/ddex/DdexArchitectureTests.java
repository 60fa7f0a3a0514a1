package com.notalabel.ddex;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The DDEX module is the standard and nothing else: the JDK, JAXB and nullness
 * annotations, so that the sending service and the receiving store share it without
 * sharing a framework.
 */
@AnalyzeClasses(packages = "com.notalabel.ddex", importOptions = ImportOption.DoNotIncludeTests.class)
class DdexArchitectureTests {

	@ArchTest
	static final ArchRule usesOnlyTheJdkJaxbAndNullnessAnnotations = classes().that()
		.resideInAPackage("com.notalabel.ddex..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "javax.xml..", "jakarta.xml.bind..", "org.xml.sax..", "org.w3c.dom..",
				"org.jspecify.annotations..", "com.notalabel.ddex..")
		.because("distribution-service and the reference store share the standard, not a framework");

}
