package com.notalabel.audio;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The audio engine is a library: the JDK, FFmpeg and nullness annotations, nothing of a
 * framework, a web or persistence stack, a JSON mapper or the services that use it. What
 * it returns are measurements; what the artist reads is the services' business.
 */
@AnalyzeClasses(packages = "com.notalabel.audio", importOptions = ImportOption.DoNotIncludeTests.class)
class AudioEngineArchitectureTests {

	@ArchTest
	static final ArchRule usesOnlyTheJdkFfmpegAndNullnessAnnotations = classes().that()
		.resideInAPackage("com.notalabel.audio..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.bytedeco..", "org.jspecify.annotations..", "com.notalabel.audio..")
		.because("the engine runs wherever a JDK runs, without Spring or a service around it");

	@ArchTest
	static final ArchRule knowsNoFrameworkWebPersistenceOrJson = noClasses().that()
		.resideInAPackage("com.notalabel.audio..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta.servlet..", "jakarta.persistence..", "tools.jackson..",
				"com.fasterxml.jackson..", "com.notalabel.music..", "com.notalabel.shared..", "com.notalabel.types..")
		.because("the engine measures; services store, serve and word what it measured");

	@ArchTest
	static final ArchRule inspectionParsesBytesWithoutFfmpeg = noClasses().that()
		.resideInAPackage("com.notalabel.audio.inspection..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.bytedeco..", "com.notalabel.audio.engine..")
		.because("inspection decides what an upload is from its first bytes, before any decoding");

}
