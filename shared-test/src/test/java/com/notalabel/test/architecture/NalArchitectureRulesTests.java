package com.notalabel.test.architecture;

import com.notalabel.archsamples.bad.AutowiredField;
import com.notalabel.archsamples.bad.BadApplication;
import com.notalabel.archsamples.bad.BorrowsFromAnotherService;
import com.notalabel.archsamples.bad.InjectField;
import com.notalabel.archsamples.bad.Song;
import com.notalabel.archsamples.bad.SongMissing;
import com.notalabel.archsamples.bad.ValueField;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NalArchitectureRulesTests {

	private static final String GOOD = "com.notalabel.archsamples.good";

	private static final String BAD = "com.notalabel.archsamples.bad";

	private static final JavaClasses goodService = new ClassFileImporter().importPackages(GOOD);

	@Test
	void passesAServiceThatFollowsEveryRule() {
		assertThat(NalArchitectureRules.all(GOOD).evaluate(goodService).hasViolation()).isFalse();
	}

	@Test
	void reportsEveryBrokenRuleOfAServiceAtOnce() {
		JavaClasses badService = new ClassFileImporter().importPackages(BAD);

		String report = String.join("\n",
				NalArchitectureRules.all(BAD).evaluate(badService).getFailureReport().getDetails());

		assertThat(report).contains(AutowiredField.class.getName(), SongMissing.class.getName(),
				"ReturnsEntityController", BadApplication.class.getName(), BorrowsFromAnotherService.class.getName());
	}

	@Nested
	class FieldInjection {

		@ParameterizedTest
		@ValueSource(classes = { AutowiredField.class, ValueField.class, InjectField.class })
		void failsOnAnInjectedField(Class<?> injected) {
			assertViolatedBy(NalArchitectureRules.NO_FIELD_INJECTION, injected.getName(), injected);
		}

		@Test
		void allowsValueOnAConstructorParameter() {
			assertThat(NalArchitectureRules.NO_FIELD_INJECTION.evaluate(goodService).hasViolation()).isFalse();
		}

	}

	@Nested
	class ResponseStatusOnExceptions {

		@Test
		void failsOnAnExceptionThatSetsItsOwnStatus() {
			assertViolatedBy(NalArchitectureRules.NO_RESPONSE_STATUS_ON_EXCEPTIONS, SongMissing.class.getName(),
					SongMissing.class);
		}

		@Test
		void passesPlainExceptions() {
			assertThat(NalArchitectureRules.NO_RESPONSE_STATUS_ON_EXCEPTIONS.evaluate(goodService).hasViolation())
				.isFalse();
		}

	}

	@Nested
	class EntitiesInControllers {

		@ParameterizedTest
		@ValueSource(strings = { "ReturnsEntityController", "ListsEntitiesController", "WrapsEntityController",
				"BindsEntityController" })
		void failsOnAControllerMethodThatMentionsAnEntity(String controller) throws ClassNotFoundException {
			Class<?> controllerClass = Class.forName(BAD + "." + controller);

			assertViolatedBy(NalArchitectureRules.NO_ENTITIES_IN_CONTROLLERS, Song.class.getName(), controllerClass,
					Song.class);
		}

		@Test
		void passesControllersThatMapEntitiesToRecords() {
			assertThat(NalArchitectureRules.NO_ENTITIES_IN_CONTROLLERS.evaluate(goodService).hasViolation()).isFalse();
		}

	}

	@Nested
	class ApplicationClass {

		@Test
		void failsWhenTheApplicationClassDeclaresABean() {
			assertViolatedBy(NalArchitectureRules.APPLICATION_HOLDS_ONLY_MAIN, "clock()", BadApplication.class);
		}

		@Test
		void passesAnApplicationClassWithOnlyMainEvenWithALambdaInside() {
			assertThat(NalArchitectureRules.APPLICATION_HOLDS_ONLY_MAIN.evaluate(goodService).hasViolation()).isFalse();
		}

	}

	@Nested
	class ServiceIsolation {

		@Test
		void failsWhenAServiceUsesAnotherServicesClass() {
			assertViolatedBy(NalArchitectureRules.servicesShareNoCode(BAD), "TrackCatalogue",
					BorrowsFromAnotherService.class);
		}

		@Test
		void passesAServiceThatUsesOnlyItsOwnAndSharedClasses() {
			assertThat(NalArchitectureRules.servicesShareNoCode(GOOD).evaluate(goodService).hasViolation()).isFalse();
		}

	}

	private static void assertViolatedBy(ArchRule rule, String expectedInReport, Class<?>... sample) {
		EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(sample));
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails())
			.anySatisfy((detail) -> assertThat(detail).contains(expectedInReport));
	}

}
