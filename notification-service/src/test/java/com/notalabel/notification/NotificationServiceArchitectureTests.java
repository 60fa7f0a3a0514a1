package com.notalabel.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.notalabel.test.architecture.NalArchitectureRules;

@AnalyzeClasses(packages = "com.notalabel.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class NotificationServiceArchitectureTests {

	@ArchTest
	static final ArchRule houseRules = NalArchitectureRules.all("com.notalabel.notification");

}
