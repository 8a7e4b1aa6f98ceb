import {expect} from '@open-wc/testing';
import {thrown} from '@lien/testing';
import {epcPayload, groupIban, isCreditorReference, normalizeIban, TransferQrError} from '../src/index.js';

// The EPC069-12 guidelines' own example transfers and their expected payloads (fixtures/README.md).
type Example = {transfer: Record<string, string | number>; payload: string};
const examples = async () => (await (await fetch(new URL('./fixtures/epc-examples.json', import.meta.url))).json()) as Record<string, Example>;

const failure = (run: () => unknown) => thrown(run, TransferQrError);

describe('SEPA transfer QR payload (EPC069-12, version 002)', () => {
  it("writes the guidelines' two examples byte for byte, in UTF-8, within 331 bytes", async () => {
    const {'epc069-12-example-1': first, 'epc069-12-example-2': second} = await examples();
    const a = epcPayload({
      beneficiary: String(first!.transfer.name),
      iban: String(first!.transfer.iban),
      bic: String(first!.transfer.bic),
      amount: Number(first!.transfer.amount),
      purpose: String(first!.transfer.purpose),
      reference: String(first!.transfer.creditor_reference),
    });
    expect(a).to.equal(first!.payload);
    const b = epcPayload({
      beneficiary: String(second!.transfer.name),
      iban: String(second!.transfer.iban),
      amount: Number(second!.transfer.amount),
      reference: String(second!.transfer.reference),
    });
    expect(b).to.equal(second!.payload);
    expect([...new TextEncoder().encode(a)]).to.have.length(96);
  });

  it('checks IBANs with mod 97, and shows them in groups of four', () => {
    expect(normalizeIban('de71 1102 2033 0123 4567 89')).to.equal('DE71110220330123456789');
    expect(normalizeIban('DE71110220330123456788')).to.equal(undefined);
    expect(normalizeIban('FR14 2004 1010 0505 0001 3M02 606')).to.equal('FR1420041010050500013M02606');
    expect(normalizeIban('not an iban')).to.equal(undefined);
    expect(groupIban('FR1420041010050500013M02606')).to.equal('FR14 2004 1010 0505 0001 3M02 606');
    expect(isCreditorReference('RF18 5390 0754 7034')).to.equal(true);
    expect(isCreditorReference('RF19539007547034')).to.equal(false);
  });

  it('refuses, naming the field, what a bank app could not use', () => {
    const base = {beneficiary: 'Lien de Quartier', iban: 'FR1420041010050500013M02606'};
    expect(failure(() => epcPayload({...base, iban: 'FR1420041010050500013M02607'})).field).to.equal('iban');
    expect(failure(() => epcPayload({...base, bic: 'FOOBAR'})).field).to.equal('bic');
    expect(failure(() => epcPayload({...base, beneficiary: 'x'.repeat(71)})).field).to.equal('beneficiary');
    expect(failure(() => epcPayload({...base, amount: 0})).field).to.equal('amount');
    expect(failure(() => epcPayload({...base, amount: 1e9})).field).to.equal('amount');
    expect(failure(() => epcPayload({...base, reference: 'y'.repeat(141)})).field).to.equal('reference');
    expect(failure(() => epcPayload({...base, purpose: 'CHARITY'})).field).to.equal('purpose');
    // Without an amount the donor types it in their bank's app: the line is left empty.
    expect(epcPayload({...base, purpose: 'char'}).split('\n')).to.deep.equal(['BCD', '002', '1', 'SCT', '', 'Lien de Quartier', 'FR1420041010050500013M02606', '', 'CHAR']);
  });
});
