# futures-workshop. `make` lists the targets; every target builds what it needs first.
SHELL := /bin/sh
.DEFAULT_GOAL := help

# The JDK: the one on PATH, or JAVA_HOME's (make test JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64).
JDK_BIN := $(if $(JAVA_HOME),$(JAVA_HOME)/bin/,)
JAVA    := $(JDK_BIN)java
JSHELL  := $(JDK_BIN)jshell
MVNW    := ./mvnw -B -ntp

EX   ?=# exercise number or name: make check EX=3, make run EX=workers
ARGS ?=# arguments for the program: make run EX=6 ARGS=4

# Compiled kit and its class path. Maven runs only when a source or the pom changed, so
# starting JShell or the checker never waits for it.
BUILT   := target/classpath.txt
SOURCES := pom.xml $(shell find src/main -type f 2>/dev/null)
KIT_CP   = target/classes:$$(cat $(BUILT))
# C1 only: these JVMs live for seconds, so start-up matters more than peak speed.
FAST_JVM := -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto --enable-native-access=ALL-UNNAMED
KIT      = $(JAVA) $(FAST_JVM) -cp $(KIT_CP)

$(BUILT): $(SOURCES)
	@tools/jdk-check
	@echo "Building the kit (the first time this downloads Maven and the libraries)..."
	@$(MVNW) -q compile
	@touch $@

##@ Learners

.PHONY: jshell
jshell: $(BUILT) ## open JShell with the lesson's helpers loaded
	@tools/jdk-check
	@$(JSHELL) --class-path $(KIT_CP) \
	  -J-XX:TieredStopAtLevel=1 -R-XX:TieredStopAtLevel=1 \
	  --startup DEFAULT --startup jshell/startup.jsh

##@ Kit developers

.PHONY: build
build: $(BUILT) ## compile the kit

.PHONY: test
test: ## run the kit's own tests (unit tests, JShell, every solution and stub through the checker)
	@tools/jdk-check
	$(MVNW) test

.PHONY: clean
clean: ## delete everything built (your exercises are not touched)
	rm -rf target

.PHONY: help
help: ## show this list
	@awk 'BEGIN {FS = ":.*## "; print "Usage: make <target> [EX=n] [ARGS=...]"} \
	  /^##@/ {printf "\n%s\n", substr($$0, 5)} \
	  /^[a-zA-Z_-]+:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
