// The part of citation-js's API this project uses (the packages ship no type declarations).
declare module '@citation-js/core' {
  interface InputOptions {
    forceType?: string;
    generateGraph?: boolean;
    maxChainLength?: number;
  }
  export const plugins: {
    input: {
      /** Runs one parsing step: text → the format's intermediate entries. */
      chainLink(input: unknown, options?: InputOptions): unknown;
      /** Parses input all the way to CSL-JSON items. */
      chain(input: unknown, options?: InputOptions): unknown;
    };
  };
  export class Cite {
    constructor(data?: unknown, options?: InputOptions);
    static async(data: unknown, options?: InputOptions): Promise<Cite>;
    data: unknown[];
    /** Formats the data: `bibliography` (with `template`, `lang`), `bibtex`, `ris`, `data`... */
    format(style: string, options?: { format?: string; template?: string; lang?: string; [option: string]: unknown }): string;
  }
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
