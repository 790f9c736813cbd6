export { Dataset, DatasetProps, PrefixShare, TableShare } from './dataset';
