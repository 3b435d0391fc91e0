# futures-workshop. `make` lists the targets; every target builds what it needs first.
# Each target is a line: the kit's one program (tools/kit, which runs futures.workshop.cli.Kit)
# answers its arguments, bad ones included; tools/kit also holds everything done for speed.
SHELL := /bin/sh
# No built-in rules: make would otherwise look for a way to remake each of the ~150 sources
# listed below (RCS, SCCS, ...), which doubled the time of every command before it starts.
MAKEFLAGS += --no-builtin-rules
.DEFAULT_GOAL := help

# The JDK: the one on PATH, or JAVA_HOME's (make test JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64).
export JAVA_HOME
MVNW := ./mvnw -B -ntp
KIT  := tools/kit

EX   ?=# exercise number or name: make check EX=3, make run EX=workers
ARGS ?=# arguments for the program: make run EX=6 ARGS=4
CHECK_ARGS ?=# more checker options: make check CHECK_ARGS="--dir solutions" grades the solutions
# A variable as the option of the same name, only when it is set: $(call pass,EX) gives "EX=3".
pass = $(if $(strip $($(1))),"$(1)=$(strip $($(1)))")

# The compiled kit. Maven runs only when a source or the pom changed, so starting JShell or the
# checker never waits for it. The jar is the build's stamp, written last: `make test` (Maven
# alone) writes the classes but not the jar, so a later `make check` still builds it. The kit
# keeps a copy of the exercises as shipped (for make reset): a course author's change to the
# course (info.toml, a solution) rebuilds it; a learner's edits of exercises/ never do.
BUILT   := target/futures-workshop.jar
SOURCES := pom.xml $(shell find src/main solutions -type f 2>/dev/null) exercises/info.toml

$(BUILT): $(SOURCES)
	@tools/jdk-check
	@echo "Building the kit (the first time this downloads Maven and the libraries)..."
	@$(MVNW) -q process-classes
	@$${JAVA_HOME:+$$JAVA_HOME/bin/}jar --create --file $@ -C target/classes .

##@ Learners

JSHELL_ARGS ?=# more jshell options: make jshell JSHELL_ARGS=-R-Dworkshop.timeScale=0.1 (demos 10x faster)

.PHONY: jshell
jshell: $(BUILT) ## open JShell with the lesson's helpers loaded
	@$(KIT) jshell $(JSHELL_ARGS)

.PHONY: check
check: $(BUILT) ## grade your exercises (all, or one: make check EX=3)
	@$(KIT) check $(call pass,EX) $(CHECK_ARGS)

.PHONY: run
run: $(BUILT) ## run one exercise as a program: make run EX=6 ARGS=4
	@$(KIT) run $(call pass,EX) -- $(ARGS)

.PHONY: watch
watch: $(BUILT) ## grade the current exercise each time you save it (keys: h hint, c check, l list, q quit)
	@$(KIT) watch

.PHONY: hint
hint: $(BUILT) ## the next hint for an exercise: make hint EX=3 (without EX: the current one)
	@$(KIT) hint $(call pass,EX)

.PHONY: list
list: $(BUILT) ## every exercise with its state (done / not done / not started) and points
	@$(KIT) list

.PHONY: reset
reset: $(BUILT) ## put an exercise's stub back, keeping yours as a backup: make reset EX=3
	@$(KIT) reset $(call pass,EX)

.PHONY: timeline
timeline: $(BUILT) ## run an exercise, then draw which worker ran which call: make timeline EX=6 ARGS=4
	@$(KIT) timeline $(call pass,EX) -- $(ARGS)

BOARD ?=# the class board's address, as the instructor shows it: make join BOARD=http://host:8090 CODE=K7QF9X NAME=alice
CODE  ?=# the class code the board shows

.PHONY: join
join: $(BUILT) ## join the class board, once: make join BOARD=http://host:8090 CODE=K7QF9X NAME=alice
	@$(KIT) join $(call pass,BOARD) $(call pass,CODE) $(call pass,NAME)

.PHONY: leave
leave: $(BUILT) ## stop sending your checks to the class board
	@$(KIT) leave

##@ Instructors

STEP       ?=# the lesson step to show: make demo STEP=5; ARGS go to its main (make demo STEP=6 ARGS=1: one worker)
VIEW       ?=# empty: the step's own main, as the lesson prints it; board: its futures on the live board (ARGS=n workers)
DIR        ?=# the class folder, one copy of exercises/ per learner: make grade-class DIR=submissions/
GRADE_ARGS ?=# more grade-class options: --workers 4 --limit 120 --out target/grades/class
WORKERS    ?=# the numbers of workers to compare: make compare WORKERS=1,2,5
SCALE      ?=# a time scale for rehearsing: make demo STEP=5 SCALE=0.1 (ten times faster, same lesson seconds)

.PHONY: plan
plan: $(BUILT) ## the session at a glance: each step's minutes, JShell script, exercise and demo
	@$(KIT) plan

.PHONY: demo
demo: $(BUILT) ## run a step's solution as the lesson prints it, then its timeline: make demo STEP=6 ARGS=1 [VIEW=board]
	@$(KIT) demo $(call pass,STEP) $(call pass,VIEW) $(call pass,SCALE) -- $(ARGS)

.PHONY: compare
compare: $(BUILT) ## step 6 with 1, 2 and 5 workers, on one time axis: target/compare/step6-compare.svg
	@$(KIT) compare $(call pass,WORKERS) $(call pass,SCALE)

PORT   ?=# the class board's port (default 8090)
LISTEN ?=# where the class board listens: 127.0.0.1 (default, this machine only), 0.0.0.0 (every network)
NEW    ?=# NEW=yes: the class board starts a new class (the old one is kept)
CSV    ?=# make class-board CSV=grades.csv: write the board as a grade sheet and stop

.PHONY: class-board
class-board: $(BUILT) ## the live class board: who passed which step, as they check [PORT= LISTEN= NEW=yes CSV=file]
	@$(KIT) class-board $(call pass,PORT) $(call pass,LISTEN) $(call pass,NEW) $(call pass,CSV)

.PHONY: grade-class
grade-class: $(BUILT) ## grade every learner folder in DIR at once; writes grades.csv and grades.html
	@$(KIT) grade-class $(call pass,DIR) $(GRADE_ARGS)

##@ Course authors

NAME  ?=# the new step's name: make new-exercise NAME=diff FROM=2 (make join: your name on the class board)
FROM  ?=# the step to copy: its exercise, solution and checks
AFTER ?=# the step to place it after (default: the last)

.PHONY: new-exercise
new-exercise: $(BUILT) ## add a step, a copy of another: make new-exercise NAME=diff FROM=2 [AFTER=3]
	@$(KIT) new-exercise $(call pass,NAME) $(call pass,FROM) $(call pass,AFTER)

.PHONY: verify-course
verify-course: $(BUILT) ## check the whole course: files, hints, stubs fail, solutions pass
	@$(KIT) verify-course

##@ Kit developers

.PHONY: build
build: $(BUILT) ## compile the kit

# Some tests need programs the kit does not ship: Chromium and ChromeDriver (the browser tests)
# and bubblewrap (the class grader's sandbox). tools/need finds each, or installs Debian's package
# where it may (root, or sudo without a password). Where it cannot, those tests are skipped and the
# line saying what to install is repeated under Maven's summary; under CI (CI=true) they fail instead.
.PHONY: test
test: ## run the kit's own tests (unit tests, JShell, every solution and stub through the checker)
	@tools/jdk-check
	@chromium=$$(tools/need chromium) || { echo "$$chromium"; CHROMIUM_MISSING=$$chromium; chromium=; }; \
	  bwrap=$$(tools/need bwrap) || { echo "$$bwrap"; BWRAP_MISSING=$$bwrap; bwrap=; }; \
	  chromedriver=$$(tools/need chromedriver) || { echo "$$chromedriver"; CHROMEDRIVER_MISSING=$$chromedriver; chromedriver=; }; \
	  CHROMIUM="$$chromium" CHROMIUM_MISSING="$$CHROMIUM_MISSING" BWRAP="$$bwrap" BWRAP_MISSING="$$BWRAP_MISSING" \
	  CHROMEDRIVER="$$chromedriver" CHROMEDRIVER_MISSING="$$CHROMEDRIVER_MISSING" \
	  $(MVNW) test; status=$$?; \
	  for why in "$$CHROMIUM_MISSING" "$$BWRAP_MISSING" "$$CHROMEDRIVER_MISSING"; do test -z "$$why" || echo "$$why"; done; exit $$status

BENCH ?=# measures to run, all when empty: make bench BENCH=P5

.PHONY: bench
bench: $(BUILT) ## print the kit's benchmark ratios (P1-P6 and G30: make bench BENCH=P2)
	@$(KIT) bench $(BENCH)

.PHONY: clean
clean: ## delete everything built (your exercises are not touched)
	rm -rf target

.PHONY: help
help: ## show this list
	@awk 'BEGIN {FS = ":.*## "; print "Usage: make <target> [EX=n] [ARGS=...]"} \
	  /^##@/ {printf "\n%s\n", substr($$0, 5)} \
	  /^[a-zA-Z_-]+:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
