/**
 * The part of Excel's custom-functions runtime these functions use (the full types are the
 * @types/custom-functions-runtime package, not worth a dependency for three members).
 */
declare namespace CustomFunctions {
  enum ErrorCode {
    invalidValue = '#VALUE!',
  }
  class Error {
    constructor(errorCode: ErrorCode, message?: string);
    readonly code: ErrorCode;
    readonly message?: string;
  }
  function associate(id: string, fn: (...args: never[]) => unknown): void;
}
