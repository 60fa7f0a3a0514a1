package com.notalabel.test.architecture;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * The house rules every service's architecture test applies to its production classes.
 * Annotations are named, not referenced, so that the rules load in any service whatever
 * it has on its class path.
 *
 * <pre class="code">
 * &#64;AnalyzeClasses(packages = "com.notalabel.music", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTests {
 *
 *     &#64;ArchTest
 *     static final ArchRule houseRules = NalArchitectureRules.all("com.notalabel.music");
 *
 * }
 * </pre>
 */
public final class NalArchitectureRules {

	/**
	 * Packages every service may use: shared-types, shared-utils, shared-test and the
	 * audio-engine library.
	 */
	public static final List<String> SHARED_PACKAGES = List.of("com.notalabel.types..", "com.notalabel.shared..",
			"com.notalabel.test..", "com.notalabel.audio..");

	private static final String ENTITY = "jakarta.persistence.Entity";

	private static final String CONTROLLER = "org.springframework.stereotype.Controller";

	private static final String RESPONSE_STATUS = "org.springframework.web.bind.annotation.ResponseStatus";

	private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

	/**
	 * Dependencies arrive through the constructor into final fields, so that a class
	 * cannot exist half-wired and tests can build it without Spring.
	 */
	public static final ArchRule NO_FIELD_INJECTION = noFields().should()
		.beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
		.orShould()
		.beAnnotatedWith("org.springframework.beans.factory.annotation.Value")
		.orShould()
		.beAnnotatedWith("jakarta.inject.Inject")
		.because("dependencies are constructor-injected into final fields")
		.allowEmptyShould(true);

	/**
	 * An exception that fixes its own HTTP status bypasses the shared handler, and with
	 * it the problem+json body and the problem type the exception maps to.
	 */
	public static final ArchRule NO_RESPONSE_STATUS_ON_EXCEPTIONS = noClasses().that()
		.areAssignableTo(Throwable.class)
		.should()
		.beAnnotatedWith(RESPONSE_STATUS)
		.orShould()
		.beMetaAnnotatedWith(RESPONSE_STATUS)
		.because("exceptions become problem details in the shared handler")
		.allowEmptyShould(true);

	/**
	 * Controllers take and return request and response records, never entities: an entity
	 * on the wire couples the API to the table and invites mass assignment and lazy
	 * loading during serialization. Generic arguments count, such as {@code List<Track>}
	 * or {@code ResponseEntity<Track>}.
	 */
	public static final ArchRule NO_ENTITIES_IN_CONTROLLERS = methods().that()
		.areDeclaredInClassesThat()
		.areMetaAnnotatedWith(CONTROLLER)
		.should(new NotMentionEntitiesInTheirSignature())
		.because("entities are mapped to response records, never exposed or bound over HTTP")
		.allowEmptyShould(true);

	/**
	 * The {@code *Application} class only starts the application; beans and settings
	 * belong in {@code config}, where slices and other tests can leave them out.
	 */
	public static final ArchRule APPLICATION_HOLDS_ONLY_MAIN = classes().that()
		.haveSimpleNameEndingWith("Application")
		.and()
		.areMetaAnnotatedWith(SPRING_BOOT_APPLICATION)
		.should(new DeclareNoMethodsButMain())
		.because("the application class holds only main; wiring lives in the config package")
		.allowEmptyShould(true);

	private NalArchitectureRules() {
	}

	/**
	 * Services never share code except through the shared modules and libraries; they
	 * talk over HTTP and events instead.
	 * @param basePackage the service's base package, such as {@code com.notalabel.music}
	 * @return a rule that the service's classes use no other service's classes
	 */
	public static ArchRule servicesShareNoCode(String basePackage) {
		String own = basePackage + "..";
		String[] allowed = new String[SHARED_PACKAGES.size() + 1];
		allowed[0] = own;
		for (int i = 0; i < SHARED_PACKAGES.size(); i++) {
			allowed[i + 1] = SHARED_PACKAGES.get(i);
		}
		DescribedPredicate<JavaClass> otherService = resideInAPackage("com.notalabel..")
			.and(DescribedPredicate.not(resideInAnyPackage(allowed)))
			.as("belong to another service");
		return noClasses().that()
			.resideInAPackage(own)
			.should()
			.dependOnClassesThat(otherService)
			.because("services share only shared-types, shared-utils and libraries such as audio-engine")
			.allowEmptyShould(true);
	}

	/**
	 * Every house rule for one service.
	 * @param basePackage the service's base package, such as {@code com.notalabel.music}
	 * @return one rule that reports every violation of every house rule
	 */
	public static ArchRule all(String basePackage) {
		return CompositeArchRule.of(NO_FIELD_INJECTION)
			.and(NO_RESPONSE_STATUS_ON_EXCEPTIONS)
			.and(NO_ENTITIES_IN_CONTROLLERS)
			.and(APPLICATION_HOLDS_ONLY_MAIN)
			.and(servicesShareNoCode(basePackage));
	}

	private static final class NotMentionEntitiesInTheirSignature extends ArchCondition<JavaMethod> {

		NotMentionEntitiesInTheirSignature() {
			super("not take or return an @Entity, also as a generic argument");
		}

		@Override
		public void check(JavaMethod method, ConditionEvents events) {
			if (method.getModifiers().contains(JavaModifier.SYNTHETIC)) {
				return;
			}
			check(method, "returns", method.getReturnType(), events);
			for (JavaType parameter : method.getParameterTypes()) {
				check(method, "takes", parameter, events);
			}
		}

		private void check(JavaMethod method, String verb, JavaType type, ConditionEvents events) {
			Set<JavaClass> involved = type.getAllInvolvedRawTypes();
			for (JavaClass raw : involved) {
				if (raw.isAnnotatedWith(ENTITY)) {
					events.add(SimpleConditionEvent.violated(method, method.getFullName() + " " + verb + " "
							+ type.getName() + ", which involves the entity " + raw.getName()));
				}
			}
		}

	}

	private static final class DeclareNoMethodsButMain extends ArchCondition<JavaClass> {

		DeclareNoMethodsButMain() {
			super("declare no method but main");
		}

		@Override
		public void check(JavaClass application, ConditionEvents events) {
			for (JavaMethod method : application.getMethods()) {
				boolean main = method.getName().equals("main") && method.getModifiers().contains(JavaModifier.STATIC);
				// Lambdas inside main compile to synthetic methods of the class.
				boolean synthetic = method.getModifiers().contains(JavaModifier.SYNTHETIC);
				if (!main && !synthetic) {
					events.add(SimpleConditionEvent.violated(method,
							application.getName() + " declares " + method.getFullName() + " besides main"));
				}
			}
		}

	}

}
