// The loopback stand-in for upstream APIs, shared with the contract suites (@lien/testing).
export {startFakeUpstream, type FakeAnswer, type FakeHandler, type SeenRequest} from '@lien/testing/contract/fake-upstream.mjs';
