// Logs more than a pipe holds (tests/cli.rs closes the pipe after the first line).
for (let i = 0; i < 20000; i++) console.log("line " + i);
