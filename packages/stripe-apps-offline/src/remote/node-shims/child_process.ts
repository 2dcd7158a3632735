/** stripe-node 8 runs `uname -a` for its user agent and carries on without it when this calls back with an error. */
export function exec(_command: string, callback: (error: Error | null, stdout: string | null) => void): void {
  callback(new Error('A view cannot run commands'), null);
}

export default {exec};
