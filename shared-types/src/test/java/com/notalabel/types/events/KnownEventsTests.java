package com.notalabel.types.events;

import org.junit.jupiter.api.Test;

import com.notalabel.types.CompiledClasses;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCatalog;
import com.notalabel.types.event.EventType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions that let a consumer find an event: listed, a record, named
 * {@code <service>.<RecordName>}, published by {@code <service>-service}, and living in
 * {@code com.notalabel.types.events.<service>}.
 */
class KnownEventsTests {

	@Test
	void listsEveryEventRecordInTheModule() {
		assertThat(CompiledClasses.classes()).filteredOn(DomainEvent.class::isAssignableFrom)
			.filteredOn((type) -> !type.isInterface())
			.hasSameElementsAs(KnownEvents.ALL);
	}

	@Test
	void everyEventFollowsTheNamingConvention() {
		assertThat(KnownEvents.ALL).isNotEmpty().allSatisfy((eventClass) -> {
			EventType type = EventCatalog.typeOf(eventClass);
			String service = eventClass.getPackageName().substring(eventClass.getPackageName().lastIndexOf('.') + 1);
			assertThat(eventClass.isRecord()).as("%s is a record", eventClass).isTrue();
			assertThat(type.name()).isEqualTo(service + "." + eventClass.getSimpleName());
			assertThat(type.producer()).isEqualTo(service + "-service");
			assertThat(eventClass.getPackageName()).isEqualTo("com.notalabel.types.events." + service);
		});
	}

	@Test
	void theStandardCatalogueKnowsEveryEvent() {
		assertThat(EventCatalog.standard().names()).hasSize(KnownEvents.ALL.size());
		assertThat(KnownEvents.ALL).allSatisfy(
				(eventClass) -> assertThat(EventCatalog.standard().classFor(EventCatalog.typeOf(eventClass).name()))
					.contains(eventClass));
	}

}
