import { runCli } from './cli';

// exitCode rather than exit(): lets stdout drain and open handles close on their own.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
