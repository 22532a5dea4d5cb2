/** A problem the user can fix, said in plain words. Entry points show its message as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
