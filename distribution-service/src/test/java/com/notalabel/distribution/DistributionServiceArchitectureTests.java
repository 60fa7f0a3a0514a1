package com.notalabel.distribution;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import com.notalabel.test.architecture.NalArchitectureRules;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules, with the ddex module (ERN messages and batch files, no Spring) among
 * the libraries this service may use besides the shared modules.
 */
@AnalyzeClasses(packages = "com.notalabel.distribution", importOptions = ImportOption.DoNotIncludeTests.class)
class DistributionServiceArchitectureTests {

	@ArchTest
	static final ArchRule houseRules = CompositeArchRule.of(NalArchitectureRules.NO_FIELD_INJECTION)
		.and(NalArchitectureRules.NO_RESPONSE_STATUS_ON_EXCEPTIONS)
		.and(NalArchitectureRules.NO_ENTITIES_IN_CONTROLLERS)
		.and(NalArchitectureRules.APPLICATION_HOLDS_ONLY_MAIN);

	@ArchTest
	static final ArchRule sharesNoCodeWithOtherServices = noClasses().that()
		.resideInAPackage("com.notalabel.distribution..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.notalabel..")
			.and(DescribedPredicate.not(resideInAnyPackage("com.notalabel.distribution..", "com.notalabel.types..",
					"com.notalabel.shared..", "com.notalabel.ddex..")))
			.as("belong to another service"))
		.because("services share only shared-types, shared-utils and libraries such as ddex");

	/**
	 * Only the ern package builds messages, and only the delivery package sends them, so
	 * that nothing leaves unvalidated by another road.
	 */
	@ArchTest
	static final ArchRule onlyDeliveriesTalkToStores = noClasses().that()
		.resideInAPackage("com.notalabel.distribution..")
		.and()
		.resideOutsideOfPackage("com.notalabel.distribution.delivery..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.apache.sshd..")
		.because("stores are reached by the delivery package alone");

}
