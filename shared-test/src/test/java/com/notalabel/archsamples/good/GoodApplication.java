package com.notalabel.archsamples.good;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GoodApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(GoodApplication.class);
		application.addInitializers((context) -> context.setId("good"));
		application.run(args);
	}

}
