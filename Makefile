# futures-workshop. `make` lists the targets; every target builds what it needs first.
SHELL := /bin/sh
# No built-in rules: make would otherwise look for a way to remake each of the ~150 sources
# listed below (RCS, SCCS, ...), which doubled the time of every command before it starts.
MAKEFLAGS += --no-builtin-rules
.DEFAULT_GOAL := help

# The JDK: the one on PATH, or JAVA_HOME's (make test JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64).
JDK_BIN := $(if $(JAVA_HOME),$(JAVA_HOME)/bin/,)
JAVA    := $(JDK_BIN)java
JSHELL  := $(JDK_BIN)jshell
MVNW    := ./mvnw -B -ntp

EX   ?=# exercise number or name: make check EX=3, make run EX=workers
ARGS ?=# arguments for the program: make run EX=6 ARGS=4
CHECK_ARGS ?=# more checker options: make check CHECK_ARGS="--dir solutions" grades the solutions

# The compiled kit. Maven runs only when a source or the pom changed, so starting JShell or
# the checker never waits for it. The kit's programs (checker, watch, grader) run from a jar: a
# class archive, which makes a JVM start in about half the time, can only hold classes from jars
# on JDK 17. The jar is the build's stamp, written last: `make test` (Maven alone) also writes
# the classes and the class path, but not the jar, so a later `make check` still builds it.
KIT_JAR  := target/futures-workshop.jar
BUILT    := $(KIT_JAR)
LIBS     := target/classpath.txt
SOURCES  := pom.xml $(shell find src/main -type f 2>/dev/null)
KIT_CP    = target/classes:$$(cat $(LIBS))
# C1 only: these JVMs live for seconds, so start-up matters more than peak speed.
FAST_JVM := -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED
# The archive only when it is newer than the jar: one made for an older jar is refused with a
# warning on the learner's screen (make list right after the kit was rebuilt, say).
KIT      = $(JAVA) $(FAST_JVM) $$(test $(KIT_ARCHIVE) -nt $(KIT_JAR) && echo $(call ARCHIVE_USE,$(KIT_ARCHIVE))) \
  -Dworkshop.sandbox.archive=$(SANDBOX_ARCHIVE) -cp $(KIT_JAR):$$(cat $(LIBS))

$(BUILT): $(SOURCES)
	@tools/jdk-check
	@echo "Building the kit (the first time this downloads Maven and the libraries)..."
	@$(MVNW) -q compile
	@$(JDK_BIN)jar --create --file $(KIT_JAR) -C target/classes .
	@touch $@

##@ Learners

# JShell start-up, timed by `make bench` (P1). The helpers are precompiled on the class path
# and jshell/startup.jsh only imports them: each startup snippet costs 100+ ms of javac, so the
# banner comes from make. Both JVMs run C1 only. The front-end JVM (javac, console) maps a
# class archive made once per JDK: AppCDS up to JDK 24, the AOT cache from 25 (where a dynamic
# archive of jshell prints an error). The engine JVM gets none: CDS cannot dump under its
# debugger agent, and it starts while the front end works. -XX:+UseSerialGC measured slower on
# 17 (it drops the archived heap). The engine stays remote: Ctrl-C stops a blocked get(), and
# System.exit in a snippet ends only the engine.
JSHELL_ARGS ?=# more jshell options: make jshell JSHELL_ARGS=-R-Dworkshop.timeScale=0.1 (demos 10x faster)
# JShell's compiler sees only the kit's classes; its engine also gets the libraries (JLine for
# board(), JUnit and Jackson for check()) through JSHELL_LIBS, a do-nothing agent whose manifest
# lists them: with all of them on --class-path, javac opened 20-odd jars more, which cost the first
# prompt about 100 ms and every snippet some.
JSHELL_LIBS := target/jshell-libraries.jar
# check() in JShell starts sandbox JVMs, which need the whole class path: workshop.classPath.
JSHELL_FLAGS = --class-path target/classes -R-javaagent:$(JSHELL_LIBS) -R-Dworkshop.classPath=$(KIT_CP) \
  --startup DEFAULT --startup jshell/startup.jsh -J-XX:TieredStopAtLevel=1 -R-XX:TieredStopAtLevel=1
JDK_HOME    := $(or $(JAVA_HOME),$(shell dirname "$$(dirname "$$(readlink -f "$$(command -v javac)")")"))
JDK_RELEASE := $(shell sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$(JDK_HOME)/release" 2>/dev/null)
JDK_OLD_CDS := $(filter 17 18 19 20 21 22 23 24,$(firstword $(subst ., ,$(subst +, ,$(JDK_RELEASE)))))
JSHELL_CDS  := target/cds/jshell-$(JDK_RELEASE).$(if $(JDK_OLD_CDS),jsa,aot)
CDS_USE      = $(if $(JDK_OLD_CDS),-J-XX:SharedArchiveFile=$(JSHELL_CDS),-J-XX:AOTCache=$(JSHELL_CDS))
CDS_DUMP     = $(if $(JDK_OLD_CDS),-J-XX:ArchiveClassesAtExit=$@.tmp,-J-XX:AOTCacheOutput=$@.tmp)

# A manifest's lines hold 72 bytes at most: the class path is folded, continued after a space.
$(JSHELL_LIBS): $(BUILT)
	@{ echo "Premain-Class: futures.workshop.lesson.EngineLibraries"; \
	  printf 'Class-Path:%s\n' "$$(tr ':' '\n' < $(LIBS) | sed 's| |%20|g; s|^| file:|' | tr -d '\n')" \
	  | fold -w 70 | sed '2,$$s/^/ /'; } > $@.mf
	@$(JDK_BIN)jar --create --file $@ --manifest $@.mf && rm -f $@.mf

$(JSHELL_CDS): | $(BUILT) $(JSHELL_LIBS)
	@tools/jdk-check
	@echo "Preparing a fast JShell start for this JDK (once, a few seconds)..."
	@mkdir -p $(@D)
	@printf '/open jshell/step2-arguments.jsh\n/exit\n' | $(JSHELL) $(JSHELL_FLAGS) \
	  -R-Dworkshop.timeScale=0.01 $(CDS_DUMP) >/dev/null 2>&1 && mv -f $@.tmp $@ \
	  || { rm -f $@.tmp*; echo "(could not prepare it: JShell will start more slowly)"; }

# Class archives for the checker's JVM and for the sandbox JVMs that run learner code, made
# once per JDK by grading the solutions (JDK 17-24: AppCDS; 25 and later: the AOT cache).
KIT_ARCHIVE     := target/cds/kit-$(JDK_RELEASE).$(if $(JDK_OLD_CDS),jsa,aot)
SANDBOX_ARCHIVE := target/cds/sandbox-$(JDK_RELEASE).$(if $(JDK_OLD_CDS),jsa,aot)
ARCHIVE_USE      = $(if $(JDK_OLD_CDS),-XX:SharedArchiveFile=$(1),-XX:AOTCache=$(1))
ARCHIVE_DUMP     = $(if $(JDK_OLD_CDS),-XX:ArchiveClassesAtExit=$(1),-XX:AOTCacheOutput=$(1))

$(KIT_ARCHIVE): $(BUILT)
	@echo "Preparing a fast checker for this JDK (once, a few seconds)..."
	@mkdir -p $(@D)
	@rm -f $@ $(SANDBOX_ARCHIVE)
	@$(JAVA) $(FAST_JVM) $(call ARCHIVE_DUMP,$@.tmp) -Dworkshop.sandbox.archiveDump=$(SANDBOX_ARCHIVE).tmp \
	  -cp $(KIT_JAR):$$(cat $(LIBS)) futures.workshop.checker.Main check --dir solutions >/dev/null 2>&1; \
	  mv -f $(SANDBOX_ARCHIVE).tmp $(SANDBOX_ARCHIVE) 2>/dev/null; \
	  mv -f $@.tmp $@ 2>/dev/null || echo "(could not prepare it: checks will start more slowly)"

.PHONY: jshell
jshell: $(BUILT) $(JSHELL_LIBS) $(JSHELL_CDS) ## open JShell with the lesson's helpers loaded
	@tools/jdk-check && printf '%s\n' \
	  "|  futures-workshop: the lesson's helpers (slowAdd, pool, calls, ...) and" \
	  "|  java.util.concurrent are loaded. Type help() to see them." && \
	  exec $(JSHELL) $(JSHELL_FLAGS) $$(test -f $(JSHELL_CDS) && echo $(CDS_USE)) $(JSHELL_ARGS)

.PHONY: check
check: $(BUILT) $(KIT_ARCHIVE) ## grade your exercises (all, or one: make check EX=3)
	@tools/jdk-check
	@$(KIT) futures.workshop.checker.Main check $(EX) $(CHECK_ARGS)

.PHONY: run
run: $(BUILT) ## run one exercise as a program: make run EX=6 ARGS=4
	@tools/jdk-check
	@test -n "$(EX)" || { echo "make run needs an exercise: make run EX=3 (a number or a name; make list shows them)"; exit 2; }
	@file=$$($(KIT) futures.workshop.checker.Main path $(EX)) || { echo "$$file"; exit 2; }; \
	  $(JAVA) --enable-native-access=ALL-UNNAMED -cp $(KIT_CP) "$$file" $(ARGS)

.PHONY: watch
watch: $(BUILT) $(KIT_ARCHIVE) ## grade the current exercise each time you save it (keys: h hint, c check, l list, q quit)
	@tools/jdk-check
	@$(KIT) futures.workshop.terminal.Watch

.PHONY: hint
hint: $(BUILT) ## the next hint for an exercise: make hint EX=3 (without EX: the current one)
	@tools/jdk-check
	@$(KIT) futures.workshop.course.Main hint $(EX)

.PHONY: list
list: $(BUILT) ## every exercise with its state (done / not done / not started) and points
	@tools/jdk-check
	@$(KIT) futures.workshop.course.Main list

.PHONY: reset
reset: $(BUILT) ## put an exercise's stub back, keeping yours as a backup: make reset EX=3
	@tools/jdk-check
	@test -n "$(EX)" || { echo "make reset needs an exercise: make reset EX=3 (a number or a name; make list shows them)"; exit 2; }
	@$(KIT) futures.workshop.course.Main reset $(EX)

.PHONY: timeline
timeline: $(BUILT) ## run an exercise, then draw which worker ran which call: make timeline EX=6 ARGS=4
	@tools/jdk-check
	@test -n "$(EX)" || { echo "make timeline needs an exercise: make timeline EX=6 ARGS=4"; exit 2; }
	@$(KIT) futures.workshop.terminal.ProgramTimeline $(EX) $(ARGS)

##@ Instructors

STEP       ?=# the lesson step to show: make demo STEP=5 (ARGS=1 for one worker in steps 5 and 6)
DIR        ?=# the class folder, one copy of exercises/ per learner: make grade-class DIR=submissions/
GRADE_ARGS ?=# more grade-class options: --workers 4 --limit 120 --out target/grades/class

.PHONY: demo
demo: $(BUILT) ## run a step's reference solution at real speed, with the live board or timeline
	@tools/jdk-check
	@test -n "$(STEP)" || { echo "make demo needs a step: make demo STEP=5 (1 to 7)"; exit 2; }
	@$(KIT) futures.workshop.instructor.Demo $(STEP) $(ARGS)

.PHONY: grade-class
grade-class: $(BUILT) $(KIT_ARCHIVE) ## grade every learner folder in DIR at once; writes grades.csv and grades.html
	@tools/jdk-check
	@test -n "$(DIR)" || { echo "make grade-class needs the class folder: make grade-class DIR=submissions/"; exit 2; }
	@$(KIT) futures.workshop.instructor.GradeClass $(DIR) $(GRADE_ARGS)

##@ Kit developers

.PHONY: build
build: $(BUILT) ## compile the kit

# The browser tests need Chromium: tools/need finds it, or installs Debian's package where it
# may (root, or sudo without a password). Where it cannot, they are skipped and the line saying
# what to install is repeated under Maven's summary; under CI (CI=true) they fail instead.
.PHONY: test
test: ## run the kit's own tests (unit tests, JShell, every solution and stub through the checker)
	@tools/jdk-check
	@chromium=$$(tools/need chromium) || { echo "$$chromium"; CHROMIUM_MISSING=$$chromium; chromium=; }; \
	  CHROMIUM="$$chromium" CHROMIUM_MISSING="$$CHROMIUM_MISSING" $(MVNW) test; status=$$?; \
	  test -z "$$CHROMIUM_MISSING" || echo "$$CHROMIUM_MISSING"; exit $$status

BENCH ?=# measures to run, all when empty: make bench BENCH=P5
# The bench JVM keeps the default JIT: P5 compares pools at full speed. P1 types `make jshell`
# into a tmux pane, so the archive is made beforehand and only the start is timed.
.PHONY: bench
bench: $(BUILT) $(JSHELL_CDS) ## print the kit's benchmark ratios (P1-P6 and G30: make bench BENCH=P2)
	@tools/jdk-check
	@$(JAVA) -cp $(KIT_CP) futures.workshop.bench.Bench $(BENCH)

.PHONY: clean
clean: ## delete everything built (your exercises are not touched)
	rm -rf target

.PHONY: help
help: ## show this list
	@awk 'BEGIN {FS = ":.*## "; print "Usage: make <target> [EX=n] [ARGS=...]"} \
	  /^##@/ {printf "\n%s\n", substr($$0, 5)} \
	  /^[a-zA-Z_-]+:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
