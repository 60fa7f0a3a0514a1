package com.notalabel.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.notalabel.test.architecture.NalArchitectureRules;

@AnalyzeClasses(packages = "com.notalabel.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTests {

	@ArchTest
	static final ArchRule houseRules = NalArchitectureRules.all("com.notalabel.gateway");

}
