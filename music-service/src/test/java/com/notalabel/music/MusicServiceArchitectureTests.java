package com.notalabel.music;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.notalabel.test.architecture.NalArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.notalabel.music", importOptions = ImportOption.DoNotIncludeTests.class)
class MusicServiceArchitectureTests {

	@ArchTest
	static final ArchRule houseRules = NalArchitectureRules.all("com.notalabel.music");

	/**
	 * The audio engine measures; the analysis package alone turns its measurements into
	 * what the artist reads and what is stored, so that the document has one author.
	 */
	@ArchTest
	static final ArchRule onlyTheAnalysisReadsTheEnginesMeasurements = noClasses().that()
		.resideInAPackage("com.notalabel.music..")
		.and()
		.resideOutsideOfPackage("com.notalabel.music.analysis..")
		.should()
		.dependOnClassesThat()
		.haveNameMatching("com\\.notalabel\\.audio\\.engine\\.Measurements(\\$.*)?")
		.because("the analysis document and its words are made in one place");

}
