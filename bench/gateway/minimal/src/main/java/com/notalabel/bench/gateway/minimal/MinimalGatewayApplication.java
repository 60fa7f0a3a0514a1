package com.notalabel.bench.gateway.minimal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway as its starter comes: one route (application.yml), no filter, no
 * actuator, no tracing, no circuit breaker. What the framework costs by itself, for
 * bench/gateway/run.sh to set the project's gateway against.
 */
@SpringBootApplication
public class MinimalGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(MinimalGatewayApplication.class, args);
	}

}
