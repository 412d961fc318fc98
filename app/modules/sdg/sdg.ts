/** An SDG goal as the pages show it: official colour, readable text colour, titles in one language. */
export interface SdgGoal {
  number: number;
  code: string;
  color: string;
  textColor: string;
  short: string;
  title: string;
}
