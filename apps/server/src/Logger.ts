/** Where the server writes what happens; `console` fits, tests pass a silent one. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
};

/** Writes to the console; errors keep their stack on the server side only. */
export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message, error) =>
    error === undefined ? console.error(message) : console.error(message, error),
};
