import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

export class StockView {
  @ApiProperty({ example: 42, description: 'On hand minus reserved.' })
  available!: number;
}

export class RatingView {
  @ApiProperty({ example: 4.25 })
  average!: number;
  @ApiProperty({ example: 12 })
  count!: number;
}

export class ReviewView {
  @ApiProperty({ example: '7-3' })
  id!: string;
  @ApiProperty({ example: 'Ada' })
  author!: string;
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  rating!: number;
  @ApiProperty({ example: 'Does the job' })
  title!: string;
  @ApiProperty({ example: 'Boils fast and quietly.' })
  body!: string;
}

/** Names of optional sections that are missing from this answer. */
const degradedProperty: ApiPropertyOptions = {
  type: String,
  isArray: true,
  example: [],
  description: 'Optional sections that could not be served (e.g. "reviews"); they are null.',
};

export class ProductSummaryView {
  @ApiProperty({ example: '7' })
  id!: string;
  @ApiProperty({ example: 'Modular Kettle 7' })
  name!: string;
  @ApiProperty({ example: 'A modular kettle, model 7.' })
  description!: string;
  @ApiProperty({ example: 5932 })
  priceCents!: number;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ type: StockView, nullable: true })
  stock!: StockView | null;
}

export class ProductDetailsView extends ProductSummaryView {
  @ApiProperty({ type: RatingView, nullable: true })
  rating!: RatingView | null;
  @ApiProperty({ type: [ReviewView], nullable: true })
  topReviews!: ReviewView[] | null;
  @ApiProperty(degradedProperty)
  degraded!: string[];
}

export class ProductPageView {
  @ApiProperty({ type: [ProductSummaryView] })
  items!: ProductSummaryView[];
  @ApiProperty({ example: 'bzoyMA', description: 'Empty on the last page.' })
  nextPageToken!: string;
  @ApiProperty(degradedProperty)
  degraded!: string[];
}
