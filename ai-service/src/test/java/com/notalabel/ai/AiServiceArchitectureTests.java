package com.notalabel.ai;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.notalabel.test.architecture.NalArchitectureRules;

@AnalyzeClasses(packages = "com.notalabel.ai", importOptions = ImportOption.DoNotIncludeTests.class)
class AiServiceArchitectureTests {

	@ArchTest
	static final ArchRule houseRules = NalArchitectureRules.all("com.notalabel.ai");

}
