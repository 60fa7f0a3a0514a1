package com.notalabel.shared.events;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.InitializingBean;

/**
 * Creates and evolves the bus's tables in the service's schema. The tables have their own
 * Flyway history so that the bus can change without touching any service's migration
 * numbering.
 */
class EventStoreMigration implements InitializingBean {

	static final String HISTORY_TABLE = "nal_events_schema_history";

	private final DataSource dataSource;

	private final String schema;

	EventStoreMigration(DataSource dataSource, String schema) {
		this.dataSource = dataSource;
		this.schema = schema;
	}

	@Override
	public void afterPropertiesSet() {
		migrate();
	}

	void migrate() {
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(this.schema)
			.defaultSchema(this.schema)
			.table(HISTORY_TABLE)
			.locations("classpath:db/nal-events")
			// The service's own tables may already be there; the bus's history starts empty.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
