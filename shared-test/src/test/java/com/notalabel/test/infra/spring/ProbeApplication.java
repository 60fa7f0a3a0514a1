package com.notalabel.test.infra.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest application that auto-configures a DataSource and Redis, for the
 * annotations' tests.
 */
@SpringBootApplication
public class ProbeApplication {

	public static void main(String[] args) {
		SpringApplication.run(ProbeApplication.class, args);
	}

}
